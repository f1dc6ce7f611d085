using Microsoft.Extensions.Localization;
using SciaticaRelief.Core.Reports;
using SciaticaRelief.Web.Api;

namespace SciaticaRelief.Web.Reports;

/// <summary>/api/v1/reports/doctor (JSON) and /api/v1/reports/doctor.pdf: the Person's report for a doctor, for a period.</summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/reports").WithTags("Reports");

        group.MapGet("/doctor", async Task<IResult> (HttpResponse response, ReportService reports, CancellationToken ct, string? from, string? to) =>
        {
            var (report, errors) = await reports.GetAsync(from, to, ct);
            if (report is null)
            {
                return Problems.Invalid(errors);
            }
            response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(report);
        })
        .WithName("GetDoctorReport")
        .WithSummary("The report for a doctor as JSON: pain course, reach down the leg, red flags with dates, current questionnaire scores with bands, treatments with their figures, medicines, the plan.")
        .WithDescription("from and to are local days (YYYY-MM-DD) in the Person's zone; by default the last 90 days to today; at most two years. Treatment figures are the insights' own: associations in one person's diary, not proof that a treatment caused a change.")
        .Produces<DoctorReport>()
        .ProducesValidationProblem();

        group.MapGet("/doctor.pdf", async Task<IResult> (HttpResponse response, ReportService reports, SciaticaRelief.Web.Profiles.PersonContext person, IStringLocalizer<SharedText> l, CancellationToken ct, string? from, string? to) =>
        {
            var (report, errors) = await reports.GetAsync(from, to, ct);
            if (report is null)
            {
                return Problems.Invalid(errors);
            }
            var pdf = PdfReportWriter.Write(l, report, await person.RegionAsync(ct));
            response.Headers.CacheControl = "no-store";
            return TypedResults.File(pdf, "application/pdf", ReportPeriod.FileName(report.To));
        })
        .WithName("GetDoctorReportPdf")
        .WithSummary("The same report as an A4 PDF to download (attachment sciatica-report-YYYY-MM-DD.pdf).")
        .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
        .ProducesValidationProblem();
        return api;
    }
}
