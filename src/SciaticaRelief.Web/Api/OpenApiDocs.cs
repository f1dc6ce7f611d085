using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Api;

/// <summary>
/// Documents the red-flag answer maps: each question id becomes a named property with the answers
/// yes, no and unsure, so the ids are a published, stable contract in /openapi/v1.json.
/// </summary>
public sealed class OpenApiDocs : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        var property = type == typeof(CheckInRequest) ? "redFlags" : type == typeof(TriageRequest) ? "answers" : null;
        if (property is not null && schema.Properties is { } properties)
        {
            properties[property] = AnswersSchema();
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema AnswersSchema()
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Answers by red-flag question id. Unsure counts as yes. Ids are stable; GET /api/v1/triage/questions gives the question text.",
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
        };
        foreach (var q in RedFlagQuestions.All)
        {
            schema.Properties[q.Id] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = q.Text,
                Enum = [JsonValue.Create("yes"), JsonValue.Create("no"), JsonValue.Create("unsure")],
            };
        }
        return schema;
    }
}
