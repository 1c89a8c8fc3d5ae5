variable "project" {
  type        = string
  description = "Project id."
}

variable "region" {
  type        = string
  description = "Region of the instance."
}

variable "name" {
  type        = string
  description = "Instance name."
}

variable "database_name" {
  type        = string
  description = "Database created on the instance."
  default     = "media"
}

variable "username" {
  type        = string
  description = "Built-in user the functions connect as."
  default     = "media"
}

variable "password" {
  type        = string
  description = "Password of that user; the same value the stack stores in Secret Manager for the functions."
  sensitive   = true
}

variable "database_version" {
  type        = string
  description = "Cloud SQL engine version."
  default     = "POSTGRES_17"
}

variable "tier" {
  type        = string
  description = "Machine tier."
  default     = "db-g1-small"
}

variable "private_network" {
  type        = string
  description = "VPC network self link for the private IP (needs private services access); the functions reach it through a VPC connector."
}
