namespace SciaticaRelief.Core.Safety;

/// <summary>
/// Every place in Core that suggests, guides, assigns or records care, and so must honour the
/// Profile's health conditions through <see cref="CareSafety"/>. The safety matrix test has a row
/// for every surface and every health condition: adding either without its rows fails the build.
/// </summary>
public enum CareSurface
{
    /// <summary>The ranked list and "not for you" (RecommendationEngine).</summary>
    Recommendations,

    /// <summary>The guided self-acupressure steps (AcupressureRoutineBuilder).</summary>
    AcupressureRoutine,

    /// <summary>Kinds of massage device (MachineChooser).</summary>
    MachineChooser,

    /// <summary>The ear points to place seeds on (EarSeedCycle.Chart).</summary>
    EarSeeds,

    /// <summary>The point charts (PointCatalog.ForConditions).</summary>
    PointCharts,

    /// <summary>A home-care item assigned by a Therapist, or planned by the Person (PlanItemValidator.CheckSafety).</summary>
    HomeCareAssignment,

    /// <summary>The treatment log's warnings (TreatmentWarnings.For with the catalogues), stored with the treatment.</summary>
    TreatmentLog,

    /// <summary>A Therapist's session note (SessionNoteValidator.SafetyWarnings), stored with the note.</summary>
    SessionNote,
}

public static class CareSurfaces
{
    public static IReadOnlyList<CareSurface> All { get; } = Enum.GetValues<CareSurface>();

    /// <summary>
    /// A recording surface keeps what was done, whatever it was: it never refuses, it warns. The
    /// others leave refused care out.
    /// </summary>
    public static bool Records(this CareSurface surface) => surface switch
    {
        CareSurface.Recommendations or CareSurface.AcupressureRoutine or CareSurface.MachineChooser or CareSurface.EarSeeds
            or CareSurface.PointCharts or CareSurface.HomeCareAssignment => false,
        CareSurface.TreatmentLog or CareSurface.SessionNote => true,
    };
}
