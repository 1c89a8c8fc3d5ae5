variable "name" {
  type        = string
  description = "Schedule name; also names its invocation role."
}

variable "schedule_expression" {
  type        = string
  description = "EventBridge Scheduler expression: rate(15 minutes) or cron(0 2 * * ? *)."

  validation {
    condition     = can(regex("^(rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)|cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\))$", var.schedule_expression))
    error_message = "schedule_expression must be rate(<n> <unit>) or a six-field cron(...)."
  }
}

variable "timezone" {
  type        = string
  description = "Time zone the cron expression is read in."
  default     = "UTC"
}

variable "target_function_arn" {
  type        = string
  description = "Lambda to invoke (use the live alias ARN so SnapStart versions run)."
}

variable "input" {
  type        = string
  description = "JSON document sent as the event."
}

variable "maximum_retry_attempts" {
  type        = number
  description = "Times Scheduler retries an invocation it could not deliver."
  default     = 4
}

variable "dead_letter_queue" {
  type = object({
    arn = string
  })
  description = "Queue receiving invocations Scheduler could not deliver after its retries; null drops them."
  default     = null
}

variable "tags" {
  type        = map(string)
  description = "Tags for the invocation role."
  default     = {}
}
