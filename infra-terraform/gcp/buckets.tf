module "originals_bucket" {
  source = "../modules/gcp-media-bucket"

  project              = var.project
  name                 = var.bucket_names.originals
  location             = var.region
  versioning_enabled   = true
  cors_allowed_origins = var.allowed_origins
}

module "derived_bucket" {
  source = "../modules/gcp-media-bucket"

  project  = var.project
  name     = var.bucket_names.derived
  location = var.region
}

module "sources_bucket" {
  source = "../modules/gcp-media-bucket"

  project  = var.project
  name     = var.bucket_names.sources
  location = var.region
}
