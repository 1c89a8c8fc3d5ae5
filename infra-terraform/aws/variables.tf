variable "region" {
  type        = string
  description = "AWS region of every resource, e.g. eu-west-1."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every name (functions, queues, topics, secrets), e.g. media-prod."
  default     = "media"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name_prefix))
    error_message = "name_prefix must be 2-31 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "bucket_names" {
  type = object({
    originals = string
    derived   = string
    artifacts = string
  })
  description = "Globally unique names of the three buckets: uploads (originals/), renditions and text (derived/), function jars."
}

variable "allowed_origins" {
  type        = list(string)
  description = "Browser origins (https://app.example.com) that may call sign-upload and POST uploads to the originals bucket. One list feeds the bucket CORS, the Function URL CORS and MEDIA_UPLOAD_ALLOWED_ORIGINS."
  default     = []

  validation {
    condition     = alltrue([for origin in var.allowed_origins : can(regex("^https?://[^/*]+$", origin))])
    error_message = "allowed_origins entries must be origins like https://app.example.com, without paths or wildcards."
  }
}

variable "sign_upload_authorization" {
  type        = string
  description = "NONE: sign-upload's URL is public and the function checks the caller's bearer token (MEDIA_AUTH_JWT_SECRET). AWS_IAM: callers must SigV4-sign requests as well."
  default     = "NONE"

  validation {
    condition     = contains(["NONE", "AWS_IAM"], var.sign_upload_authorization)
    error_message = "sign_upload_authorization must be NONE or AWS_IAM."
  }
}

variable "upload_target" {
  type        = string
  description = "Default upload target of sign-upload (MEDIA_UPLOAD_TARGET): s3 or cloudinary."
  default     = "s3"

  validation {
    condition     = contains(["s3", "cloudinary"], var.upload_target)
    error_message = "upload_target must be s3 or cloudinary on AWS."
  }
}

variable "public_base_url" {
  type        = string
  description = "Public base URL of delivered objects (CDN), MEDIA_PUBLIC_BASE_URL; null when there is none."
  default     = null
}

variable "database_url" {
  type        = string
  description = "JDBC URL of an existing PostgreSQL (jdbc:postgresql://host:5432/media). Ignored when rds is set."
  default     = null

  validation {
    condition     = var.rds != null || can(regex("^jdbc:postgresql://", var.database_url))
    error_message = "Set database_url to a jdbc:postgresql:// URL, or set rds to create a database."
  }
}

variable "database_username" {
  type        = string
  description = "PostgreSQL user the functions connect as."
  default     = "media"
}

variable "database_password" {
  type        = string
  description = "PostgreSQL password, stored in Secrets Manager; null leaves the secret empty to be filled with aws secretsmanager put-secret-value."
  default     = null
  sensitive   = true
}

variable "cloudinary_url" {
  type        = string
  description = "cloudinary://key:secret@cloud, stored in Secrets Manager; null leaves the secret empty to be filled later."
  default     = null
  sensitive   = true
}

variable "jwt_secret" {
  type        = string
  description = "HS256 key(s) for sign-upload's bearer tokens (comma-separated for rotation), stored in Secrets Manager; null leaves the secret empty."
  default     = null
  sensitive   = true
}

variable "rds" {
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
    instance_class     = optional(string, "db.t4g.micro")
  })
  description = "Create an RDS PostgreSQL instance in these private subnets instead of using database_url; null (default) uses the existing database."
  default     = null
}

variable "lambda_vpc" {
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
  })
  description = "Run the database-using functions in this VPC (needed for a private database such as the rds option); null runs them outside any VPC."
  default     = null
}

variable "function_settings" {
  type = map(object({
    memory_mb       = number
    timeout_seconds = number
  }))
  description = "Memory and timeout per function, keyed by function name; entries given here replace the defaults."
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.function_settings) : contains(["sign-upload", "verify-webhook", "apply-webhook-event", "make-thumbnail", "extract-text", "poll-usage", "clean-up-assets"], name)])
    error_message = "function_settings keys must be function names (sign-upload, verify-webhook, apply-webhook-event, make-thumbnail, extract-text, poll-usage, clean-up-assets)."
  }
}

variable "artifacts_dir" {
  type        = string
  description = "Repository root holding functions/<fn>/aws/target/<fn>-aws.jar (scripts/deploy builds them)."
  default     = "../.."
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps every function's logs."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = { application = "media-pipeline" }
}

variable "tesseract_layer_arn" {
  type        = string
  description = "ARN of a Lambda layer with tesseract at /opt/bin/tesseract and its trained data under /opt/share/tessdata, for extract-text's OCR of scans and images. Without it, PDFs with a text layer are still extracted, but an asset that needs OCR fails with 'cannot run tesseract' and ends in extract-text's dead-letter queue (replay it once the layer is set)."
  default     = null
}
