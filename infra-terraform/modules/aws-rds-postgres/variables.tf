variable "name" {
  type        = string
  description = "Instance identifier."
}

variable "database_name" {
  type        = string
  description = "Database created on the instance."
  default     = "media"
}

variable "username" {
  type        = string
  description = "Master user name the functions connect with."
  default     = "media"
}

variable "password" {
  type        = string
  description = "Master password; the same value the stack stores in Secrets Manager for the functions."
  sensitive   = true
}

variable "engine_version" {
  type        = string
  description = "PostgreSQL major version."
  default     = "17"
}

variable "instance_class" {
  type        = string
  description = "Instance size."
  default     = "db.t4g.micro"
}

variable "allocated_storage_gb" {
  type        = number
  description = "Storage in GB."
  default     = 20
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the instance (at least two zones); the functions must run in the same VPC."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups admitting the functions' security group on port 5432."
}

variable "tags" {
  type        = map(string)
  description = "Tags for the instance."
  default     = {}
}
