# Optional: a new Cloud SQL instance instead of an existing database (off by default).
module "database" {
  source = "../modules/gcp-cloud-sql-postgres"
  count  = var.cloud_sql == null ? 0 : 1

  project         = var.project
  region          = var.region
  name            = "${var.name_prefix}-catalog"
  username        = var.database_username
  password        = var.database_password
  tier            = var.cloud_sql.tier
  private_network = var.cloud_sql.private_network
}
