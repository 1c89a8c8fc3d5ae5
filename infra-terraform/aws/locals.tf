locals {
  default_function_settings = {
    "sign-upload"         = { memory_mb = 1024, timeout_seconds = 15 }
    "verify-webhook"      = { memory_mb = 512, timeout_seconds = 15 }
    "apply-webhook-event" = { memory_mb = 1024, timeout_seconds = 60 }
    "make-thumbnail"      = { memory_mb = 2048, timeout_seconds = 120 }
    "extract-text"        = { memory_mb = 2048, timeout_seconds = 300 }
    "poll-usage"          = { memory_mb = 1024, timeout_seconds = 120 }
    "clean-up-assets"     = { memory_mb = 1024, timeout_seconds = 900 }
  }
  settings = merge(local.default_function_settings, var.function_settings)

  artifacts = { for name in keys(local.default_function_settings) : name => "${var.artifacts_dir}/functions/${name}/aws/target/${name}-aws.jar" }

  database_url = var.rds == null ? var.database_url : module.database[0].rds_jdbc_url

  # Every database-using function: migrations run by scripts/migrate, never at a cold start.
  database_environment = {
    SPRING_DATASOURCE_URL      = local.database_url
    SPRING_DATASOURCE_USERNAME = var.database_username
    MEDIA_DATABASE_MIGRATE     = "false"
  }
  database_secrets = {
    SPRING_DATASOURCE_PASSWORD = aws_secretsmanager_secret.this["database_password"].arn
  }

  buckets_environment = {
    MEDIA_AWS_ORIGINALS_BUCKET = module.originals_bucket.bucket_name
    MEDIA_AWS_DERIVED_BUCKET   = module.derived_bucket.bucket_name
  }

  public_base_url_environment = var.public_base_url == null ? {} : { MEDIA_PUBLIC_BASE_URL = var.public_base_url }

  # Key prefixes inside the buckets (contract: originals/<folder>/<assetId>/<name>, derived/...).
  originals_objects = "${module.originals_bucket.bucket_arn}/originals/*"
  derived_objects   = "${module.derived_bucket.bucket_arn}/derived/*"
}
