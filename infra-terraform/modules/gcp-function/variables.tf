variable "project" {
  type        = string
  description = "Project id."
}

variable "region" {
  type        = string
  description = "Region of the function."
}

variable "name" {
  type        = string
  description = "Function name, e.g. media-make-thumbnail; also the service account id (first 30 characters)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{5,61}[a-z0-9]$", var.name))
    error_message = "name must be 7-63 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "artifact_path" {
  type        = string
  description = "Local path of the zip, functions/<fn>/gcp/target/<fn>-gcp.zip."
}

variable "source_bucket" {
  type        = string
  description = "Bucket the zip is uploaded to for Cloud Build."
}

variable "main_class" {
  type        = string
  description = "Spring Boot main class GcfJarLauncher starts (dev.mediapipeline.fn.<pkg>.gcp.<Camel>CloudFunction)."
}

variable "function_definition" {
  type        = string
  description = "Function bean to run (spring.cloud.function.definition), e.g. makeThumbnailCloudFunction."
}

variable "memory" {
  type        = string
  description = "Memory of one instance, e.g. 512Mi or 2Gi."
  default     = "1Gi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi)$", var.memory))
    error_message = "memory must look like 512Mi or 2Gi."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "Time limit of one request. Event-triggered functions may use up to 540 s."
  default     = 60

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 3600
    error_message = "timeout_seconds must be between 1 and 3600."
  }
}

variable "max_instances" {
  type        = number
  description = "Upper bound of concurrent instances (also bounds database connections)."
  default     = 10
}

variable "environment" {
  type        = map(string)
  description = "Plain (non-secret) environment variables, per the deployment contract."
  default     = {}
}

variable "service_account_environment_variable" {
  type        = string
  description = "Name of an environment variable that receives the function's own service account e-mail (e.g. a signer account); null for none."
  default     = null
}

variable "secret_environment_variables" {
  type        = map(string)
  description = "Secret environment variables: name => Secret Manager secret id. The function's account may read exactly these secrets."
  default     = {}
}

variable "bucket_roles" {
  type = list(object({
    bucket = string
    role   = string
  }))
  description = "Roles of the function's account on named buckets."
  default     = []
}

variable "topic_roles" {
  type = list(object({
    topic = string
    role  = string
  }))
  description = "Roles of the function's account on named Pub/Sub topics (topic names, not ids)."
  default     = []
}

variable "project_roles" {
  type        = list(string)
  description = "Project-level roles, only where no resource-level grant exists (e.g. roles/eventarc.eventReceiver for an Eventarc trigger)."
  default     = []

  validation {
    condition     = alltrue([for r in var.project_roles : !contains(["roles/owner", "roles/editor", "roles/viewer"], r)])
    error_message = "project_roles must not hold basic roles (owner, editor, viewer)."
  }
}

variable "event_trigger" {
  type = object({
    event_type = string
    event_filters = optional(list(object({
      attribute = string
      value     = string
    })), [])
  })
  description = "Eventarc trigger (e.g. google.cloud.storage.object.v1.finalized with a bucket filter); null deploys an HTTP function."
  default     = null
}

variable "public" {
  type        = bool
  description = "Let anyone on the internet invoke the HTTP endpoint (the function authenticates callers itself)."
  default     = false
}

variable "invokers" {
  type        = list(string)
  description = "Extra IAM members allowed to invoke the endpoint (e.g. serviceAccount:web@p.iam.gserviceaccount.com)."
  default     = []
}

variable "vpc_connector" {
  type        = string
  description = "Serverless VPC Access connector for a private database; null for none."
  default     = null
}

variable "labels" {
  type        = map(string)
  description = "Labels for the function."
  default     = {}
}
