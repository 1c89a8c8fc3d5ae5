# Functions receive the ARNs (the runtime resolves them at start-up); values never enter a Lambda
# configuration. A value given here is kept in Terraform state: leave it null and put it with
# `aws secretsmanager put-secret-value` if the state is not a place for secrets.
locals {
  secrets = {
    database_password = "PostgreSQL password (SPRING_DATASOURCE_PASSWORD)."
    cloudinary_url    = "cloudinary://key:secret@cloud (CLOUDINARY_URL)."
    jwt_secret        = "HS256 key(s) for sign-upload bearer tokens (MEDIA_AUTH_JWT_SECRET)."
  }
  secret_values = {
    database_password = var.database_password
    cloudinary_url    = var.cloudinary_url
    jwt_secret        = var.jwt_secret
  }
  # Which secrets got a value is not itself secret; the values stay sensitive.
  secrets_with_values = nonsensitive(toset([for name, value in local.secret_values : name if value != null]))
}

resource "aws_secretsmanager_secret" "this" {
  for_each = local.secrets

  name        = "${var.name_prefix}/${replace(each.key, "_", "-")}"
  description = each.value
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each = local.secrets_with_values

  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = local.secret_values[each.key]
}
