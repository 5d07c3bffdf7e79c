from django.urls import path

from tongxin.insights import views

app_name = "insights"
urlpatterns = [
    path("workorders/", views.work_order_indicators, name="workorder-indicators"),
]
