module "originals_bucket" {
  source = "../modules/aws-media-bucket"

  name                 = var.bucket_names.originals
  versioning_enabled   = true
  cors_allowed_origins = var.allowed_origins
}

module "derived_bucket" {
  source = "../modules/aws-media-bucket"

  name = var.bucket_names.derived
}

module "artifacts_bucket" {
  source = "../modules/aws-media-bucket"

  name = var.bucket_names.artifacts
}
