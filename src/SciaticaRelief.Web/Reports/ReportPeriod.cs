using System.Globalization;
using SciaticaRelief.Core.Reports;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Web.Reports;

/// <summary>
/// The period of a report from the query's <c>from</c> and <c>to</c> (YYYY-MM-DD, local days):
/// by default the last <see cref="DefaultDays"/> days to today; at most <see cref="DoctorReportBuilder.MaxDays"/> days.
/// </summary>
public static class ReportPeriod
{
    public const int DefaultDays = 90;

    /// <summary>The period, or the errors naming the parameter that is wrong.</summary>
    public static (DateOnly From, DateOnly To, ValidationErrors Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new ValidationErrors();
        var toDay = ParseDay("to", to, errors) ?? today;
        var fromDay = ParseDay("from", from, errors) ?? toDay.AddDays(-(DefaultDays - 1));
        if (errors.IsEmpty)
        {
            if (fromDay > toDay)
            {
                errors.Add("from", "The start date must not be after the end date.");
            }
            else if (toDay.DayNumber - fromDay.DayNumber + 1 > DoctorReportBuilder.MaxDays)
            {
                errors.Add("from", $"A report covers at most two years ({DoctorReportBuilder.MaxDays.ToString(CultureInfo.InvariantCulture)} days): choose a later start date.");
            }
        }
        return (fromDay, toDay, errors);
    }

    private static DateOnly? ParseDay(string field, string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year >= 1900 && day.Year <= 9000)
        {
            return day;
        }
        errors.Add(field, $"Give the {(field == "from" ? "start" : "end")} date as YYYY-MM-DD, a real calendar date.");
        return null;
    }

    /// <summary>The download's file name: sciatica-report-YYYY-MM-DD.pdf, dated by the period's end.</summary>
    public static string FileName(DateOnly to) => "sciatica-report-" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".pdf";
}
