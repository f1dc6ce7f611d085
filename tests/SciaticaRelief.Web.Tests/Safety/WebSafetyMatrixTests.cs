using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Triage;
using SciaticaRelief.Data;
using SciaticaRelief.Tests.Shared;
using SciaticaRelief.Web.Tests.Infrastructure;
using C = SciaticaRelief.Core.Profiles.HealthCondition;
using Expect = SciaticaRelief.Tests.Shared.SafetyMatrix.Expect;
using Row = SciaticaRelief.Tests.Shared.SafetyMatrix.Row;

namespace SciaticaRelief.Web.Tests.Safety;

/// <summary>
/// The safety matrix through the app: the Core matrix's rows (<see cref="SafetyMatrix"/>, one table for
/// both), every health condition × every care surface, each run through the surface's real endpoint
/// and page (<see cref="WebSurfaceProbe"/>) for a Person who answered the onboarding screen and has
/// that one condition. A suggesting surface leaves out exactly the refused items, each with its reason in
/// words and its source (an assignment is refused so), and keeps what must stay offered, with its
/// precautions; a recording surface keeps every entry and shows and stores each warning. The triage gate
/// comes first (ADR 13): a condition that is itself a warning sign (a possible clot) makes every
/// suggesting surface answer only the advice to see a doctor, and the recording surfaces still keep the
/// entry with its warnings.
/// </summary>
public sealed class WebSafetyMatrixTests
{
    public static TheoryData<Row> Matrix => new([.. SafetyMatrix.Rows]);

    /// <summary>A condition that puts a screened Person at Urgent or Emergency on its own (Core's triage rules decide).</summary>
    public static bool PausesCare(C condition)
    {
        var input = new TriageInput(RedFlagQuestions.All.Where(q => q.DependsOn is null).ToDictionary(q => q.Question, _ => Core.Triage.Answer.No), condition, 46);
        return TriageEngine.Evaluate(input).Level.PausesSelfCare();
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Surface_ForCondition_ThroughTheApp_DoesWhatItsRowSays(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: row.Condition);
        // Preferences that exclude nothing, as in the Core probe: the rows are about health, not taste.
        await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Profiles.IgnoreQueryFilters().Where(p => p.PersonId == person.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Preferences, new CarePreferences(5, SettingPreference.Either, Core.Knowledge.CostTier.High, CarePreferences.MaxMinutesPerDay))));
        var probe = new WebSurfaceProbe(app, person);

        var answers = await probe.RunAsync(row.Surface);

        Assert.True(answers.Count >= 2, "every surface is read through its endpoint and its page");
        Assert.Empty(probe.Problems);
        var paused = !row.Surface.Records() && PausesCare(row.Condition);
        foreach (var answer in answers)
        {
            if (paused)
            {
                Assert.True(answer.SeekCareOnly && !answer.ScreenRequired,
                    $"{answer.Where}: {HealthConditions.IdOf(row.Condition)} is a warning sign: only the advice to see a doctor, got {answer.View.Count} items");
                continue;
            }
            Assert.False(answer.SeekCareOnly, $"{answer.Where}: answered only the advice to seek care");
            Check(row, answer);
        }
    }

    private static void Check(Row row, Answer answer)
    {
        var view = answer.View;
        var refused = view.Where(x => x.Value.Level == SafetyLevel.Refused).Select(x => x.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(row.Refused.Select(e => e.Id).Order(StringComparer.Ordinal).SequenceEqual(refused),
            $"{answer.Where}: refused [{string.Join(", ", refused)}], the row says [{string.Join(", ", row.Refused.Select(e => e.Id))}]");
        foreach (var e in row.Refused)
        {
            HasReason(answer, e, SafetyLevel.Refused);
        }
        foreach (var e in row.Cautioned)
        {
            HasReason(answer, e, SafetyLevel.Caution);
        }
        Assert.NotEmpty(row.Offered); // hiding everything from everyone must fail
        foreach (var id in row.Offered)
        {
            Assert.True(view.TryGetValue(id, out var seen), $"{answer.Where}: {id} is not on the surface at all");
            Assert.True(seen.Level != SafetyLevel.Refused, $"{answer.Where}: {id} must stay offered");
        }
    }

    private static void HasReason(Answer answer, Expect e, SafetyLevel level)
    {
        Assert.True(answer.View.TryGetValue(e.Id, out var seen), $"{answer.Where}: {e.Id} is not on the surface at all");
        Assert.True(seen.Level == level, $"{answer.Where}: {e.Id}: expected {level}, was {seen.Level}");
        Assert.True(seen.Reasons.Any(r => r.Text.Contains(e.Reason, StringComparison.OrdinalIgnoreCase) && r.Source.Contains(e.Source, StringComparison.Ordinal)),
            $"{answer.Where}: {e.Id}: no reason with \"{e.Reason}\" and source \"{e.Source}\" among:\n  " + string.Join("\n  ", seen.Reasons.Select(r => $"{r.Text} ({r.Source})")));
    }

    [Fact]
    public void Matrix_HasOneRowForEveryConditionAndSurface()
    {
        // The guard of the one table: a new health condition or care surface needs its rows before the Web matrix can pass.
        var missing = HealthConditions.All.SelectMany(c => CareSurfaces.All.Select(s => (c.Condition, Surface: s)))
            .Where(pair => !SafetyMatrix.Rows.Any(r => r.Condition == pair.Condition && r.Surface == pair.Surface))
            .Select(pair => $"{HealthConditions.IdOf(pair.Condition)} × {pair.Surface}")
            .ToList();
        Assert.True(missing.Count == 0, "No row for: " + string.Join(", ", missing));
        Assert.Empty(SafetyMatrix.Rows.GroupBy(r => (r.Condition, r.Surface)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(HealthConditions.All.Count * CareSurfaces.All.Count, SafetyMatrix.Rows.Count);
    }

    [Fact]
    public void PausesCare_IsThePossibleClotAlone()
    {
        // The rows' Web reading depends on it: a possible clot in the profile is an Urgent warning sign (triage), no other condition is.
        Assert.Equal([C.SuspectedClot], HealthConditions.All.Select(c => c.Condition).Where(PausesCare));
    }

    [Fact]
    public async Task UnscreenedPerson_EverySuggestingSurface_AnswersWithTheScreen()
    {
        // Nothing is suggested before the warning-sign questions are answered once, whatever the conditions.
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync(conditions: C.Pregnancy, screened: false);
        var probe = new WebSurfaceProbe(app, person);

        foreach (var surface in CareSurfaces.All.Where(s => !s.Records()))
        {
            foreach (var answer in await probe.RunAsync(surface))
            {
                Assert.True(answer.SeekCareOnly && answer.ScreenRequired, $"{surface}, {answer.Where}: not the screen");
            }
        }
    }
}
