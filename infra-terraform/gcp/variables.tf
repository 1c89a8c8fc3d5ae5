variable "project" {
  type        = string
  description = "Project id every resource lives in."
}

variable "region" {
  type        = string
  description = "Region of functions, buckets, scheduler jobs and triggers, e.g. europe-west1."
}

variable "name_prefix" {
  type        = string
  description = "Prefix of every name (functions, topics, secrets), e.g. media-prod."
  default     = "media"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}$", var.name_prefix))
    error_message = "name_prefix must be 2-19 lower-case letters, digits or dashes, starting with a letter (service account ids are at most 30 characters)."
  }
}

variable "bucket_names" {
  type = object({
    originals = string
    derived   = string
    sources   = string
  })
  description = "Globally unique names of the three buckets: uploads (originals/), renditions and text (derived/), function sources."
}

variable "allowed_origins" {
  type        = list(string)
  description = "Browser origins (https://app.example.com) that may POST uploads to the originals bucket and call sign-upload (MEDIA_UPLOAD_ALLOWED_ORIGINS)."
  default     = []

  validation {
    condition     = alltrue([for origin in var.allowed_origins : can(regex("^https?://[^/*]+$", origin))])
    error_message = "allowed_origins entries must be origins like https://app.example.com, without paths or wildcards."
  }
}

variable "sign_upload_public" {
  type        = bool
  description = "true: anyone may reach sign-upload and the function checks the bearer token (app-level auth). false: callers also need roles/run.invoker (sign_upload_invokers)."
  default     = true
}

variable "sign_upload_invokers" {
  type        = list(string)
  description = "IAM members allowed to call sign-upload when it is not public, e.g. serviceAccount:web@p.iam.gserviceaccount.com."
  default     = []
}

variable "upload_target" {
  type        = string
  description = "Default upload target of sign-upload (MEDIA_UPLOAD_TARGET): gcs or cloudinary."
  default     = "gcs"

  validation {
    condition     = contains(["gcs", "cloudinary"], var.upload_target)
    error_message = "upload_target must be gcs or cloudinary on GCP."
  }
}

variable "public_base_url" {
  type        = string
  description = "Public base URL of delivered objects (CDN), MEDIA_PUBLIC_BASE_URL; null when there is none."
  default     = null
}

variable "database_url" {
  type        = string
  description = "JDBC URL of an existing PostgreSQL (jdbc:postgresql://host:5432/media). Ignored when cloud_sql is set."
  default     = null

  validation {
    condition     = var.cloud_sql != null || can(regex("^jdbc:postgresql://", var.database_url))
    error_message = "Set database_url to a jdbc:postgresql:// URL, or set cloud_sql to create a database."
  }
}

variable "database_username" {
  type        = string
  description = "PostgreSQL user the functions connect as."
  default     = "media"
}

variable "database_password" {
  type        = string
  description = "PostgreSQL password, stored in Secret Manager; null leaves the secret without a version, to be added with gcloud secrets versions add."
  default     = null
  sensitive   = true
}

variable "cloudinary_url" {
  type        = string
  description = "cloudinary://key:secret@cloud, stored in Secret Manager; null leaves the secret without a version."
  default     = null
  sensitive   = true
}

variable "jwt_secret" {
  type        = string
  description = "HS256 key(s) for sign-upload's bearer tokens (comma-separated for rotation), stored in Secret Manager; null leaves the secret without a version."
  default     = null
  sensitive   = true
}

variable "cloud_sql" {
  type = object({
    private_network = string
    tier            = optional(string, "db-g1-small")
  })
  description = "Create a Cloud SQL PostgreSQL instance on this VPC network instead of using database_url (set vpc_connector too); null (default) uses the existing database."
  default     = null
}

variable "vpc_connector" {
  type        = string
  description = "Serverless VPC Access connector the database-using functions route through (private database); null for none."
  default     = null
}

variable "function_settings" {
  type = map(object({
    memory          = string
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
  description = "Repository root holding functions/<fn>/gcp/target/<fn>-gcp.zip (scripts/deploy builds them)."
  default     = "../.."
}

variable "enable_apis" {
  type        = bool
  description = "Enable the Google APIs the stack uses (Cloud Functions, Run, Build, Eventarc, Pub/Sub, Scheduler, Secret Manager, ...)."
  default     = true
}

variable "labels" {
  type        = map(string)
  description = "Labels for every resource that takes them."
  default     = { application = "media-pipeline" }
}
