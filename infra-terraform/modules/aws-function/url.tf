resource "aws_lambda_function_url" "this" {
  count = var.function_url == null ? 0 : 1

  function_name      = aws_lambda_function.this.function_name
  qualifier          = aws_lambda_alias.this.name
  authorization_type = var.function_url.authorization_type

  dynamic "cors" {
    for_each = length(var.function_url.cors_allowed_origins) == 0 ? [] : [var.function_url.cors_allowed_origins]
    content {
      allow_origins  = cors.value
      allow_methods  = ["POST"]
      allow_headers  = ["authorization", "content-type"]
      expose_headers = ["location"]
      max_age        = 3600
    }
  }
}

# A URL with authorization NONE still needs a resource policy letting anyone call it; the function
# itself authenticates the caller (bearer token or webhook signature).
resource "aws_lambda_permission" "public_url" {
  count = try(var.function_url.authorization_type, "") == "NONE" ? 1 : 0

  statement_id           = "PublicFunctionUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.this.function_name
  qualifier              = aws_lambda_alias.this.name
  principal              = "*"
  function_url_auth_type = "NONE"
}
