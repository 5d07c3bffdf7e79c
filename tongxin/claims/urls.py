from django.urls import path

from tongxin.claims import views

app_name = "claims"
urlpatterns = [
    path("suggest/", views.claim_suggest, name="suggest"),
    path("orders/<str:tracking_code>/", views.order_claims, name="order-claims"),
    path(
        "orders/<str:tracking_code>/confirm/",
        views.order_claims_confirm,
        name="order-claims-confirm",
    ),
    path("orders/<str:tracking_code>/similar/", views.order_similar, name="order-similar"),
]
