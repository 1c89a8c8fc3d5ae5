# Optional: a new RDS instance instead of an existing database (off by default).
module "database" {
  source = "../modules/aws-rds-postgres"
  count  = var.rds == null ? 0 : 1

  name               = "${var.name_prefix}-catalog"
  username           = var.database_username
  password           = var.database_password
  subnet_ids         = var.rds.subnet_ids
  security_group_ids = var.rds.security_group_ids
  instance_class     = var.rds.instance_class
}
