from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="appeals:workbench"), name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("tongxin.appeals.urls")),
    path("insights/", include("tongxin.insights.urls")),
    path("calculators/", include("tongxin.calculators.urls")),
    path("disputes/", include("tongxin.disputes.urls")),
    path("claims/", include("tongxin.claims.urls")),
]
# MEDIA_ROOT is never served as such, not even with DEBUG on: uploads are the workers'
# payslips and contracts, handed out only by views that check the user's scope
# (appeals:attachment-download).
