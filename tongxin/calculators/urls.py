from django.urls import path

from tongxin.calculators import views

app_name = "calculators"
urlpatterns = [
    path("", views.calculator_list, name="calculator-list"),
    path("<str:name>/", views.calculator_detail, name="calculator-detail"),
    path("<str:name>/parameters/", views.calculator_parameters, name="calculator-parameters"),
]
