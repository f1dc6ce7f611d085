using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.PointCharts;

/// <summary>The guided routine for the signed-in Person, or the advice to seek care while triage pauses self-care.</summary>
public sealed record RoutineView(AcupressureRoutine? Routine, TriageStanding Standing, Region Region)
{
    public bool Paused => Routine is null;
}

/// <summary>Builds the routine from the Profile's health context (Core does the rules).</summary>
public sealed class RoutineService(PointCatalog catalog, PersonContext person, TriageService triage)
{
    public PointCatalog Catalog => catalog;

    public async Task<RoutineView> AcupressureAsync(CancellationToken ct)
    {
        var standing = await triage.StandingAsync(ct);
        var profile = await person.ProfileAsync(ct);
        var region = Regions.GetOrOther(profile.RegionCode);
        return standing.PausesSelfCare
            ? new RoutineView(null, standing, region)
            : new RoutineView(AcupressureRoutineBuilder.Build(catalog, profile.Conditions), standing, region);
    }
}
