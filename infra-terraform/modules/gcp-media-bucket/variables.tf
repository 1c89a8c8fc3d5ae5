variable "project" {
  type        = string
  description = "Project id."
}

variable "name" {
  type        = string
  description = "Globally unique bucket name."
}

variable "location" {
  type        = string
  description = "Bucket location (a region, e.g. europe-west1, keeps data next to the functions)."
}

variable "versioning_enabled" {
  type        = bool
  description = "Keep previous generations of overwritten or deleted objects (originals: yes)."
  default     = false
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days a replaced or deleted generation is kept when versioning is on."
  default     = 30
}

variable "abandoned_upload_days" {
  type        = number
  description = "Days after which parts of an XML API multipart upload that never completed are deleted."
  default     = 2

  validation {
    condition     = var.abandoned_upload_days >= 1
    error_message = "abandoned_upload_days must be at least 1."
  }
}

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Browser origins allowed to POST a signed form upload directly to the bucket; empty means no CORS rule."
  default     = []
}

variable "force_destroy" {
  type        = bool
  description = "Let terraform destroy delete a bucket that still holds objects. Keep false outside experiments."
  default     = false
}

variable "labels" {
  type        = map(string)
  description = "Labels for the bucket."
  default     = {}
}
