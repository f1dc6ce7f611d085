using System.Globalization;
using SciaticaRelief.Core.Time;
using SciaticaRelief.Core.Validation;

namespace SciaticaRelief.Core.Plans;

/// <summary>
/// Two massage appointments at the same time are a mistake (issue 5, bad input): the second is
/// refused with the date of the first clash. Home routines and check-ins may overlap anything.
/// </summary>
public static class AppointmentOverlap
{
    /// <summary>How far ahead clashes are looked for; a plan is revised well within a year.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    /// <summary>Adds an error when <paramref name="candidate"/> clashes with another appointment from <paramref name="fromUtc"/> on.</summary>
    public static void Check(PlanItem candidate, IEnumerable<PlanItem> existing, DateTime fromUtc, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(errors);
        if (candidate.Kind != PlanItemKind.MassageAppointment)
        {
            return;
        }
        var to = fromUtc + Horizon;
        var mine = PlanSchedule.Expand(candidate, fromUtc, to);
        foreach (var other in existing.Where(e => e.Kind == PlanItemKind.MassageAppointment && e.Id != candidate.Id))
        {
            var theirs = PlanSchedule.Expand(other, fromUtc.AddMinutes(-PlanItemValidator.MaxDurationMinutes), to);
            var clash = mine.FirstOrDefault(m => theirs.Any(t => m.StartUtc < t.EndUtc && t.StartUtc < m.EndUtc));
            if (clash is not null)
            {
                LocalTime.TryFindZone(candidate.ZoneId, out var zone);
                var when = LocalTime.ToLocal(clash.StartUtc, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
                errors.Add("timeOfDay", $"This appointment overlaps \"{other.DisplayTitle}\" on {when}; choose another time.");
                return;
            }
        }
    }
}
