resource "google_sql_database_instance" "this" {
  project             = var.project
  region              = var.region
  name                = var.name
  database_version    = var.database_version
  deletion_protection = true

  settings {
    tier              = var.tier
    availability_type = "ZONAL"

    ip_configuration {
      ipv4_enabled    = false
      private_network = var.private_network
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled = true
    }
  }
}

resource "google_sql_database" "this" {
  project  = var.project
  instance = google_sql_database_instance.this.name
  name     = var.database_name
}

resource "google_sql_user" "this" {
  project  = var.project
  instance = google_sql_database_instance.this.name
  name     = var.username
  password = var.password
}
