using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.PointCharts;

/// <summary>One step of the guided routine: a point, how hard and how long to press it.</summary>
/// <param name="Number">1-based, in routine order.</param>
/// <param name="HoldSeconds">The timer's length for each side (the low end of the point's range).</param>
/// <param name="Notes">Why this step differs from the content (pressure lowered, skin).</param>
public sealed record RoutineStep(int Number, AcuPoint Point, PointPressure Pressure, int HoldSeconds, IReadOnlyList<string> Notes);

/// <summary>A point left out of the routine for this Person, and why.</summary>
public sealed record HiddenPoint(AcuPoint Point, string Reason);

/// <summary>The guided self-acupressure routine for one Person.</summary>
/// <param name="Notes">Whole-routine precautions from the Profile.</param>
public sealed record AcupressureRoutine(IReadOnlyList<RoutineStep> Steps, IReadOnlyList<HiddenPoint> Hidden, IReadOnlyList<string> Notes)
{
    /// <summary>CLINICAL.md section 5 [U]: when to stop.</summary>
    public const string StopAdvice = "Stop at once if you feel shooting pain, new numbness, or your leg symptoms get worse, and tell your doctor.";

    public const string StopSource = "Common advice for self-acupressure, not tested in a trial: stop on shooting pain, new numbness or worse leg symptoms [U: needs clinical review]";

    /// <summary>CLINICAL.md section 5 [V]/[U]: the dose.</summary>
    public const string DoseAdvice = "Press each point on both sides, 1 to 3 minutes a side at a tolerable deep ache, never sharp pain; 1 to 3 times a day.";

    public int TotalSeconds => Steps.Sum(s => s.HoldSeconds * 2);
}

/// <summary>
/// Builds the guided routine from the sciatica body points (CLINICAL.md section 5), in the content's
/// order from the back down the leg, filtered by the Profile's health context:
/// pregnancy hides every point avoided in pregnancy (BL60 among ours); anticoagulants, a bleeding
/// disorder or osteoporosis lower every point to light pressure; a skin lesion adds "never press on
/// it". Deterministic: the same catalogue and conditions give the same routine.
/// </summary>
public static class AcupressureRoutineBuilder
{
    public const string PregnancyReason = "Not in pregnancy: this point is traditionally avoided while pregnant.";
    public const string LightOnlyNote = "Light pressure only: you take blood thinners, have a bleeding disorder or have osteoporosis, so firm pressure could bruise or hurt bones.";
    public const string LightStepNote = "Light pressure only (your health context).";
    public const string SkinNote = "Do not press on a wound, rash or infected skin: skip any point where the skin is affected.";

    public static AcupressureRoutine Build(PointCatalog catalog, HealthCondition conditions)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var pregnant = conditions.HasFlag(HealthCondition.Pregnancy);
        var lightOnly = conditions.HasFlag(HealthCondition.AnticoagulantsOrBleedingDisorder) || conditions.HasFlag(HealthCondition.Osteoporosis);
        var skin = conditions.HasFlag(HealthCondition.SkinLesionOrInfection);

        var steps = new List<RoutineStep>();
        var hidden = new List<HiddenPoint>();
        foreach (var point in catalog.Body)
        {
            if (pregnant && catalog.IsHiddenInPregnancy(point))
            {
                hidden.Add(new HiddenPoint(point, PregnancyReason));
                continue;
            }
            var notes = new List<string>();
            var pressure = point.Pressure;
            if (lightOnly && pressure > PointPressure.Light)
            {
                pressure = PointPressure.Light;
                notes.Add(LightStepNote);
            }
            steps.Add(new RoutineStep(steps.Count + 1, point, pressure, point.HoldMinSeconds, notes));
        }
        var general = new List<string>();
        if (lightOnly)
        {
            general.Add(LightOnlyNote);
        }
        if (skin)
        {
            general.Add(SkinNote);
        }
        return new AcupressureRoutine(steps, hidden, general);
    }
}
