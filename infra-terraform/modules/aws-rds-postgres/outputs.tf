output "rds_jdbc_url" {
  description = "JDBC URL of the database, for SPRING_DATASOURCE_URL and scripts/migrate."
  value       = "jdbc:postgresql://${aws_db_instance.this.address}:${aws_db_instance.this.port}/${aws_db_instance.this.db_name}"
}

output "rds_username" {
  description = "User the functions connect as."
  value       = aws_db_instance.this.username
}

output "rds_instance_arn" {
  description = "Instance ARN."
  value       = aws_db_instance.this.arn
}
