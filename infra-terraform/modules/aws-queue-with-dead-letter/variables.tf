variable "name" {
  type        = string
  description = "Queue name; the dead-letter queue is named <name>-dead-letter."

  validation {
    condition     = can(regex("^[A-Za-z0-9-_]{1,68}$", var.name))
    error_message = "name must be 1-68 letters, digits, dashes or underscores (room for the -dead-letter suffix)."
  }
}

variable "consumer_timeout_seconds" {
  type        = number
  description = "Timeout of the function consuming the queue; the visibility timeout is visibility_timeout_multiplier times this."
}

variable "visibility_timeout_multiplier" {
  type        = number
  description = "Visibility timeout as a multiple of the consumer's timeout. AWS advises at least 6 so a batch survives the function's retries."
  default     = 6

  validation {
    condition     = var.visibility_timeout_multiplier >= 6
    error_message = "visibility_timeout_multiplier must be at least 6."
  }
}

variable "max_receive_count" {
  type        = number
  description = "Deliveries before a message moves to the dead-letter queue (the local bus and Pub/Sub use 5 too)."
  default     = 5

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000
    error_message = "max_receive_count must be between 1 and 1000."
  }
}

variable "sns_subscriptions" {
  type        = map(string)
  description = "SNS topics fanned out into this queue: key => topic ARN. Messages keep the SNS envelope (no raw delivery)."
  default     = {}
}

variable "tags" {
  type        = map(string)
  description = "Tags for both queues."
  default     = {}
}
