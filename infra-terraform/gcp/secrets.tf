# Functions read these as environment variables through secret_environment_variables; each function's
# account is granted secretAccessor on exactly the secrets it uses. A value given here is kept in
# Terraform state: leave it null and add it with `gcloud secrets versions add` if that matters.
locals {
  secret_values = {
    database_password = var.database_password
    cloudinary_url    = var.cloudinary_url
    jwt_secret        = var.jwt_secret
  }
  # Which secrets got a value is not itself secret; the values stay sensitive.
  secrets_with_values = nonsensitive(toset([for name, value in local.secret_values : name if value != null]))
}

resource "google_secret_manager_secret" "this" {
  for_each = toset(["database_password", "cloudinary_url", "jwt_secret"])

  project   = var.project
  secret_id = "${var.name_prefix}-${replace(each.key, "_", "-")}"

  replication {
    auto {}
  }

  depends_on = [google_project_service.this]
}

resource "google_secret_manager_secret_version" "this" {
  for_each = local.secrets_with_values

  secret      = google_secret_manager_secret.this[each.key].id
  secret_data = local.secret_values[each.key]
}
