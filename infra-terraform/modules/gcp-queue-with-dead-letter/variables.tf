variable "project" {
  type        = string
  description = "Project id."
}

variable "name" {
  type        = string
  description = "Topic and subscription name; the dead-letter topic and its subscription are named <name>-dead-letter."

  validation {
    condition     = can(regex("^[a-zA-Z][-a-zA-Z0-9_.~+%]{2,200}$", var.name))
    error_message = "name must be a valid Pub/Sub name (3-200 characters, starting with a letter)."
  }
}

variable "ack_deadline_seconds" {
  type        = number
  description = "Time the consumer has to acknowledge; at least the consuming function's timeout."

  validation {
    condition     = var.ack_deadline_seconds >= 10 && var.ack_deadline_seconds <= 600
    error_message = "ack_deadline_seconds must be between 10 and 600."
  }
}

variable "minimum_backoff" {
  type        = string
  description = "First redelivery delay; Pub/Sub doubles it up to maximum_backoff (2, 4, 8, 16 s like the local bus)."
  default     = "2s"
}

variable "maximum_backoff" {
  type        = string
  description = "Longest redelivery delay."
  default     = "16s"
}

variable "max_delivery_attempts" {
  type        = number
  description = "Deliveries before a message goes to the dead-letter topic."
  default     = 5

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "max_delivery_attempts must be between 5 and 100 (Pub/Sub's range)."
  }
}

variable "push" {
  type = object({
    endpoint              = string
    service_account_email = string
  })
  description = "Push delivery to an HTTPS endpoint with an OIDC token of this account; null makes a pull subscription."
  default     = null
}

variable "labels" {
  type        = map(string)
  description = "Labels for topics and subscriptions."
  default     = {}
}
