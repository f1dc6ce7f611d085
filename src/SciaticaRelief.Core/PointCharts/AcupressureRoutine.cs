using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;

namespace SciaticaRelief.Core.PointCharts;

/// <summary>One step of the guided routine: a point, how hard and how long to press it.</summary>
/// <param name="Number">1-based, in routine order.</param>
/// <param name="HoldSeconds">The timer's length for each side (the low end of the point's range).</param>
/// <param name="Precautions">What differs at this point for this Person (pressure lowered, a place to keep off), with sources.</param>
public sealed record RoutineStep(int Number, AcuPoint Point, PointPressure Pressure, int HoldSeconds, IReadOnlyList<Precaution> Precautions)
{
    /// <summary>The precautions' words.</summary>
    public IReadOnlyList<string> Notes => [.. Precautions.Select(p => p.Text)];
}

/// <summary>The guided self-acupressure routine for one Person.</summary>
/// <param name="Precautions">Whole-routine precautions from the Profile: the rules that apply at every step, said once.</param>
public sealed record AcupressureRoutine(IReadOnlyList<RoutineStep> Steps, IReadOnlyList<HiddenPoint> Hidden, IReadOnlyList<Precaution> Precautions)
{
    /// <summary>CLINICAL.md section 5 [U]: when to stop.</summary>
    public const string StopAdvice = "Stop at once if you feel shooting pain, new numbness, or your leg symptoms get worse, and tell your doctor.";

    public const string StopSource = "Common advice for self-acupressure, not tested in a trial: stop on shooting pain, new numbness or worse leg symptoms [U: needs clinical review]";

    /// <summary>CLINICAL.md section 5 [V]/[U]: the dose.</summary>
    public const string DoseAdvice = "Press each point on both sides, 1 to 3 minutes a side at a tolerable deep ache, never sharp pain; 1 to 3 times a day.";

    /// <summary>The whole-routine precautions' words.</summary>
    public IReadOnlyList<string> Notes => [.. Precautions.Select(p => p.Text)];

    public int TotalSeconds => Steps.Sum(s => s.HoldSeconds * 2);
}

/// <summary>
/// Builds the guided routine from the sciatica body points (CLINICAL.md section 5), in the content's
/// order from the back down the leg, filtered by <see cref="CareSafety.ForPoint"/>: a refused point
/// is hidden with its reason (every point avoided in pregnancy; the leg's points with a suspected
/// clot); a rule that limits pressure ("pressure: light" with blood thinners or osteoporosis)
/// lowers the step's pressure; the precautions that apply at every step are said once for the
/// routine, the others at their step. When the self-acupressure modality itself is refused, every
/// point is hidden. Deterministic: the same catalogue and conditions give the same routine.
/// </summary>
public static class AcupressureRoutineBuilder
{
    public const string LightStepNote = "Light pressure only (your health context).";

    public const string ModerateStepNote = "Moderate pressure only, never firm (your health context).";

    /// <param name="selfAcupressure">The self-acupressure modality of the catalogue: its refusal hides the whole routine.</param>
    public static AcupressureRoutine Build(PointCatalog catalog, HealthCondition conditions, Modality? selfAcupressure = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var modality = selfAcupressure is null ? null : CareSafety.ForModality(selfAcupressure, conditions);
        var chart = PointChart.Of(catalog.Body, conditions, modality);

        // Reasons every shown point has in common belong to the routine, said once.
        IReadOnlyList<Precaution> shared = chart.Shown.Count == 0
            ? []
            : chart.Shown.Select(p => p.Precautions).Aggregate((a, b) => [.. a.Intersect(b)]);
        var steps = new List<RoutineStep>();
        foreach (var p in chart.Shown)
        {
            var precautions = new List<Precaution>();
            var pressure = p.Point.Pressure;
            if (p.Safety.MaxPressure is { } most && pressure > most)
            {
                pressure = most;
                var limit = p.Safety.Reasons.First(r => r.MaxPressure == most);
                precautions.Add(new Precaution(most == PointPressure.Light ? LightStepNote : ModerateStepNote, limit.Source));
            }
            precautions.AddRange(p.Precautions.Except(shared));
            steps.Add(new RoutineStep(steps.Count + 1, p.Point, pressure, p.Point.HoldMinSeconds, precautions));
        }
        return new AcupressureRoutine(steps, chart.Hidden, shared);
    }
}
