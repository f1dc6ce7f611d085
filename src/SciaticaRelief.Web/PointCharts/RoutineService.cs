using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.PointCharts;

/// <summary>
/// Builds the routine from the Profile's health context (Core does the rules). Its callers are marked
/// [SuggestsCare]: while triage pauses self-care the gate answers for them with the advice to seek care.
/// </summary>
public sealed class RoutineService(PointCatalog catalog, PersonContext person)
{
    public PointCatalog Catalog => catalog;

    public async Task<AcupressureRoutine> AcupressureAsync(CancellationToken ct) =>
        AcupressureRoutineBuilder.Build(catalog, (await person.ProfileAsync(ct)).Conditions);
}
