variable "name" {
  type        = string
  description = "Globally unique bucket name."
}

variable "versioning_enabled" {
  type        = bool
  description = "Keep previous versions of overwritten or deleted objects (originals: yes)."
  default     = false
}

variable "noncurrent_version_expiration_days" {
  type        = number
  description = "Days a replaced or deleted version is kept when versioning is on."
  default     = 30
}

variable "abandoned_upload_days" {
  type        = number
  description = "Days after which parts of an upload that was started but never completed are deleted."
  default     = 2

  validation {
    condition     = var.abandoned_upload_days >= 1
    error_message = "abandoned_upload_days must be at least 1."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for default encryption; null uses S3-managed keys (SSE-S3)."
  default     = null
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

variable "tags" {
  type        = map(string)
  description = "Tags for the bucket."
  default     = {}
}
