from django.urls import path

from tongxin.appeals import views

app_name = "appeals"
urlpatterns = [
    # The worker's side: no login.
    path("q/<str:org_code>/", views.qr_form, name="qr-form"),
    path("t/", views.track, name="track"),
    path("t/<str:tracking_code>/rate/", views.track_rate, name="track-rate"),
    # Staff.
    path("workbench/", views.workbench, name="workbench"),
    path("desk/new/", views.desk_intake, name="desk-intake"),
    path("desk/caller-history/", views.caller_history, name="caller-history"),
    path("supervision/", views.overdue_board, name="overdue-board"),
    path("orders/export.xlsx", views.ledger_export, name="ledger-export"),
    path("orders/<str:tracking_code>/", views.order_detail, name="order-detail"),
    path("orders/<str:tracking_code>/transition/", views.order_transition, name="order-transition"),
    path(
        "orders/<str:tracking_code>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment-download",
    ),
    path("orgs/", views.org_list, name="org-list"),
    path("orgs/<str:org_code>/qr.<str:fmt>", views.org_qr, name="org-qr"),
]
