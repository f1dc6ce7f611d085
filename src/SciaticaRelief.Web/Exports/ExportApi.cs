using SciaticaRelief.Core.Interop.Fhir;

namespace SciaticaRelief.Web.Exports;

/// <summary>/api/v1/export: the signed-in Person's data as a FHIR R4 Bundle or a zip of CSV and JSON, streamed.</summary>
public static class ExportApi
{
    public const string ZipContentType = "application/zip";

    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/export").WithTags("Export");

        group.MapGet("/fhir", async (ExportService exports, HttpResponse response, CancellationToken ct) =>
        {
            var name = await exports.FileStemAsync(ct) + ".fhir.json";
            response.Headers.CacheControl = "no-store";
            return TypedResults.Stream(stream => exports.WriteFhirAsync(stream, ct), FhirExporter.ContentType, name);
        })
        .WithName("ExportFhir")
        .WithSummary("Everything you own as a FHIR R4 Bundle (type collection), streamed: Patient, Observations (pain with LOINC 72514-3 and body sites, red-flag answers), Procedures, MedicationStatements, RiskAssessments, QuestionnaireResponses with their Questionnaires, the CarePlan and a Consent per grant. Resource ids are the row ids, so two exports match.")
        .Produces(StatusCodes.Status200OK, contentType: FhirExporter.ContentType);

        group.MapGet("/archive", async (ExportService exports, HttpResponse response, CancellationToken ct) =>
        {
            var name = await exports.FileStemAsync(ct) + ".zip";
            response.Headers.CacheControl = "no-store";
            return TypedResults.Stream(stream => exports.WriteArchiveAsync(stream, ct), ZipContentType, name);
        })
        .WithName("ExportArchive")
        .WithSummary("Every table you own as one CSV and one JSON file each, in a zip, streamed. CSV text cells that a spreadsheet would run as a formula are prefixed with an apostrophe; times are ISO 8601 with the offset of the zone named in the TimeZoneId column.")
        .Produces(StatusCodes.Status200OK, contentType: ZipContentType);
        return api;
    }
}

/// <summary>Service registration of the exports and of the FHIR import reader.</summary>
public static class ExportRegistration
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton(sp => new FhirExporter(
            sp.GetRequiredService<Core.Modalities.ModalityCatalog>(),
            sp.GetRequiredService<Questionnaires.QuestionnaireLibrary>().Catalog));
        services.AddScoped<ExportService>();
        services.AddSingleton<Core.Interop.Imports.IImportReader, FhirImportReader>();
        return services;
    }
}
