output "cloud_sql_jdbc_url" {
  description = "JDBC URL over the private IP, for SPRING_DATASOURCE_URL and scripts/migrate."
  value       = "jdbc:postgresql://${google_sql_database_instance.this.private_ip_address}:5432/${google_sql_database.this.name}?sslmode=require"
}

output "cloud_sql_username" {
  description = "User the functions connect as."
  value       = google_sql_user.this.name
}

output "cloud_sql_connection_name" {
  description = "Instance connection name (project:region:instance)."
  value       = google_sql_database_instance.this.connection_name
}
