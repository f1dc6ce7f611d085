using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Web.Profiles;

namespace SciaticaRelief.Web.PointCharts;

/// <summary>
/// The routine, the point charts and the ear-seed chart for the Profile's health context (Core does
/// the rules, <see cref="Core.Safety.CareSafety"/>). Their callers are marked [SuggestsCare]: while
/// triage pauses self-care the gate answers for them with the advice to seek care.
/// </summary>
public sealed class RoutineService(PointCatalog catalog, ModalityCatalog modalities, PersonContext person)
{
    public PointCatalog Catalog => catalog;

    public ModalityCatalog Modalities => modalities;

    /// <summary>The guided routine; when self-acupressure itself is not advised for the Person, every point is left out with its reason.</summary>
    public async Task<AcupressureRoutine> AcupressureAsync(CancellationToken ct) =>
        AcupressureRoutineBuilder.Build(catalog, (await person.ProfileAsync(ct)).Conditions, modalities.Find(RoutineApi.SelfAcupressureModality));

    /// <summary>Every point of the charts, filtered by the Person's health conditions.</summary>
    public async Task<PointChart> ChartsAsync(CancellationToken ct) =>
        catalog.ForConditions((await person.ProfileAsync(ct)).Conditions);

    /// <summary>The ear points to place seeds on, with the ear-seeds modality's precautions (said once).</summary>
    public async Task<PointChart> EarSeedsAsync(CancellationToken ct) =>
        EarSeedCycle.Chart(catalog, modalities, (await person.ProfileAsync(ct)).Conditions);
}
