from django.urls import path

from tongxin.insights import views

app_name = "insights"
urlpatterns = [
    path("workorders/", views.work_order_indicators, name="workorder-indicators"),
    path("disputes/", views.dispute_indicators, name="dispute-indicators"),
    path("disputes/ledger.xlsx", views.dispute_ledger_export, name="dispute-ledger-export"),
]
