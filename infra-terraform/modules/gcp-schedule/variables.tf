variable "project" {
  type        = string
  description = "Project id."
}

variable "region" {
  type        = string
  description = "Region of the Cloud Scheduler job."
}

variable "name" {
  type        = string
  description = "Job name."
}

variable "schedule" {
  type        = string
  description = "Unix cron expression with five fields, e.g. */15 * * * * or 0 2 * * *."

  validation {
    condition     = length(split(" ", trimspace(var.schedule))) == 5
    error_message = "schedule must be a five-field cron expression."
  }
}

variable "time_zone" {
  type        = string
  description = "Time zone the schedule is read in."
  default     = "Etc/UTC"
}

variable "topic_id" {
  type        = string
  description = "Full id of the Pub/Sub topic the job publishes to (projects/<p>/topics/<name>)."
}

variable "payload" {
  type        = string
  description = "JSON message body published at each tick."
}

variable "attributes" {
  type        = map(string)
  description = "Message attributes published with the payload."
  default     = {}
}
