variable "name" {
  type        = string
  description = "Function name, e.g. media-make-thumbnail. Also names its role and log group."

  validation {
    condition     = can(regex("^[A-Za-z0-9-_]{1,64}$", var.name))
    error_message = "name must be 1-64 letters, digits, dashes or underscores (Lambda's rule)."
  }
}

variable "artifact_path" {
  type        = string
  description = "Local path of the shaded jar, functions/<fn>/aws/target/<fn>-aws.jar."
}

variable "artifact_bucket" {
  type        = string
  description = "S3 bucket the jar is uploaded to before Lambda reads it (jars above 50 MB cannot be sent inline)."
}

variable "main_class" {
  type        = string
  description = "Spring Boot main class of the deployable, passed as MAIN_CLASS (dev.mediapipeline.fn.<pkg>.aws.<Camel>Lambda)."
}

variable "function_definition" {
  type        = string
  description = "Function bean the invoker runs (spring.cloud.function.definition), e.g. makeThumbnailLambda."
}

variable "memory_mb" {
  type        = number
  description = "Memory in MB; Lambda gives CPU in proportion to it."
  default     = 1024

  validation {
    condition     = var.memory_mb >= 128 && var.memory_mb <= 10240
    error_message = "memory_mb must be between 128 and 10240."
  }
}

variable "timeout_seconds" {
  type        = number
  description = "Hard time limit of one invocation. A queue feeding this function must keep messages invisible for at least 6 times this."
  default     = 60

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 900
    error_message = "timeout_seconds must be between 1 and 900."
  }
}

variable "architecture" {
  type        = string
  description = "Instruction set: arm64 (cheaper per GB-second) or x86_64."
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "environment" {
  type        = map(string)
  description = "Plain (non-secret) environment variables, per the deployment contract."
  default     = {}
}

variable "secret_arns" {
  type        = map(string)
  description = "Secret environment variables: name => Secrets Manager ARN. The runtime resolves an ARN value to the secret's string at start-up; the role may read exactly these secrets."
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.secret_arns) : startswith(arn, "arn:aws:secretsmanager:")])
    error_message = "secret_arns values must be Secrets Manager ARNs, never secret values."
  }
}

variable "policy_statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  description = "What the function may touch besides its logs, secrets and trigger: named actions on named resources."
  default     = []

  validation {
    condition     = alltrue([for s in var.policy_statements : alltrue([for a in s.actions : !strcontains(a, "*")])])
    error_message = "policy_statements actions must be named, without wildcards."
  }

  validation {
    condition     = alltrue([for s in var.policy_statements : !contains(s.resources, "*")])
    error_message = "policy_statements resources must be named resources, not \"*\"."
  }
}

variable "sqs_trigger" {
  type = object({
    queue_arn           = string
    batch_size          = optional(number, 5)
    maximum_concurrency = optional(number)
  })
  description = "SQS queue that triggers the function; failed records are reported one by one (ReportBatchItemFailures) so only they are retried."
  default     = null
}

variable "function_url" {
  type = object({
    authorization_type   = string
    cors_allowed_origins = optional(list(string), [])
  })
  description = "HTTPS endpoint (payload format 2.0) on the live alias. authorization_type NONE makes it public; AWS_IAM needs SigV4-signed callers."
  default     = null

  validation {
    condition     = var.function_url == null || contains(["NONE", "AWS_IAM"], try(var.function_url.authorization_type, ""))
    error_message = "function_url.authorization_type must be NONE or AWS_IAM."
  }
}

variable "async_failure_destination" {
  type = object({
    queue_arn = string
  })
  description = "Queue receiving asynchronous invocations (schedules) that still fail after Lambda's own retries."
  default     = null
}

variable "vpc" {
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
  })
  description = "Subnets and security groups when the database is only reachable inside a VPC; null runs outside any VPC."
  default     = null
}

variable "layers" {
  type        = list(string)
  description = "ARNs of Lambda layers to add (e.g. one holding the tesseract binary for extract-text)."
  default     = []
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the function's logs."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource of this module."
  default     = {}
}
