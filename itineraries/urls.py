app_name = "itineraries"

urlpatterns = []
