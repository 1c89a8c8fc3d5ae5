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

# Since October 2025 a public Function URL also needs lambda:InvokeFunction, limited to calls through the URL
# (condition lambda:InvokedViaFunctionUrl). aws_lambda_permission expresses that only from provider 6.29 on
# (invoked_via_function_url), so on 5.x the AWS CLI adds the statement once; it goes when the function goes.
# Replace this with an aws_lambda_permission once the stacks move to provider 6.29+.
data "aws_region" "current" {}

locals {
  url_invoke_statement = "PublicFunctionUrlInvoke"
}

resource "terraform_data" "public_url_invoke" {
  count = try(var.function_url.authorization_type, "") == "NONE" ? 1 : 0

  triggers_replace = [aws_lambda_alias.this.arn]

  provisioner "local-exec" {
    interpreter = ["/bin/sh", "-c"]
    command     = <<-EOT
      aws lambda get-policy --region '${data.aws_region.current.name}' --function-name '${aws_lambda_function.this.function_name}' \
        --qualifier '${aws_lambda_alias.this.name}' --query Policy --output text 2>/dev/null | grep -q '"Sid":"${local.url_invoke_statement}"' ||
      aws lambda add-permission --region '${data.aws_region.current.name}' --function-name '${aws_lambda_function.this.function_name}' \
        --qualifier '${aws_lambda_alias.this.name}' --statement-id '${local.url_invoke_statement}' \
        --action lambda:InvokeFunction --principal '*' --invoked-via-function-url --output text >/dev/null
    EOT
  }
}
