namespace Deployments.Api.Seeds.Mengi.FastApi;

/// <summary>One of FastAPI's validation errors: where (<c>["body", "target_cluster_id"]</c>), what, and pydantic's error type.</summary>
internal sealed record ValidationError(IReadOnlyList<object> Loc, string Msg, string Type);

/// <summary>FastAPI's 422 body: every validation error of the request.</summary>
internal sealed record HTTPValidationError(IReadOnlyList<ValidationError> Detail);

/// <summary>FastAPI's body for every other error: <c>{"detail": "Deployment not found"}</c>.</summary>
internal sealed record HTTPError(string Detail);
