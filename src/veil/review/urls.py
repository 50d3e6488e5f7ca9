"""The route table. Every route's view declares its roles (see :mod:`veil.review.roles`); a test checks it.

Routes carry ids only: no name, no text, no search term that could identify anyone goes into a path.
(Search terms travel in the query string of the archive page, which searches the protected text only.)
"""

from __future__ import annotations

from django.urls import path

from veil.review.views import admin, archive, auth, common, export, review

urlpatterns = [
    path("login/", auth.login, name="login"),
    path("logout/", auth.logout, name="logout"),
    path("", archive.archive, name="archive"),
    path("upload/", archive.upload, name="upload"),
    path("testimonies/<int:pk>/", review.review, name="review"),
    path("testimonies/<int:pk>/progress/", archive.progress, name="progress"),
    path("testimonies/<int:pk>/original/", review.show_original, name="show-original"),
    path("testimonies/<int:pk>/decide/", review.decide, name="decide"),
    path("testimonies/<int:pk>/missed/", review.missed, name="missed"),
    path("testimonies/<int:pk>/approve/", review.approve, name="approve"),
    path("testimonies/<int:pk>/catalogue/", review.catalogue, name="catalogue"),
    path("testimonies/<int:pk>/delete/", archive.delete, name="delete"),
    path("testimonies/<int:pk>/export/<slug:what>/", export.export, name="export"),
    path("users/", admin.users, name="users"),
    path("audit/", admin.audit_log, name="audit"),
    path("api/testimonies/", archive.api_testimonies, name="api-testimonies"),
]

handler400 = common.bad_request
handler403 = common.forbidden
handler404 = common.not_found
handler500 = common.server_error
