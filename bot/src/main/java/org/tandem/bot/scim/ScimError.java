package org.tandem.bot.scim;

/**
 * A request SCIM answers with an error body ({@code urn:ietf:params:scim:api:messages:2.0:Error}):
 * the HTTP status, the {@code scimType} RFC 7644 names for a 400 or 409 (null otherwise) and a
 * sentence for the identity provider's logs.
 */
class ScimError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String scimType;

  ScimError(int status, String scimType, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.scimType = scimType;
  }

  static ScimError invalidSyntax(String detail) {
    return new ScimError(400, "invalidSyntax", detail);
  }

  static ScimError invalidValue(String detail) {
    return new ScimError(400, "invalidValue", detail);
  }

  static ScimError invalidFilter(String detail) {
    return new ScimError(400, "invalidFilter", detail);
  }

  static ScimError invalidPath(String detail) {
    return new ScimError(400, "invalidPath", detail);
  }

  static ScimError notFound(String detail) {
    return new ScimError(404, null, detail);
  }

  int status() {
    return status;
  }

  String scimType() {
    return scimType;
  }
}
