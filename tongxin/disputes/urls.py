from django.urls import path

from tongxin.disputes import views

app_name = "disputes"
urlpatterns = [
    path("", views.dispute_list, name="dispute-list"),
    path("new/", views.dispute_new, name="dispute-new"),
    path("<uuid:case_id>/", views.dispute_detail, name="dispute-detail"),
    path("<uuid:case_id>/transition/", views.dispute_transition, name="dispute-transition"),
    path("<uuid:case_id>/similar/", views.dispute_similar, name="dispute-similar"),
    path(
        "<uuid:case_id>/claims/calculator/",
        views.dispute_claim_calculator,
        name="dispute-claim-calculator",
    ),
    path(
        "<uuid:case_id>/documents/<str:kind>.<str:fmt>",
        views.dispute_document,
        name="dispute-document",
    ),
]
