using SciaticaRelief.Core.Sharing;

namespace SciaticaRelief.Core.Tests.Sharing;

public sealed class AuditChainTests
{
    private static readonly Guid Person = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Therapist = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly DateTime Start = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A chain of <paramref name="count"/> linked events, oldest first.</summary>
    private static List<AuditEvent> Chain(int count = 4)
    {
        var chain = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            chain.Add(AuditChain.Link(chain.LastOrDefault(), new AuditEvent
            {
                PersonId = Person,
                AtUtc = Start.AddMinutes(i),
                ActorId = Therapist,
                ActorKind = "therapist",
                ActorName = "Robin Hands",
                Action = i == 0 ? AuditActions.Create : AuditActions.Read,
                Resource = i == 0 ? "grant/0193" : "brief",
                Outcome = i == 3 ? AuditOutcomes.Denied : AuditOutcomes.Allowed,
            }));
        }
        return chain;
    }

    [Fact]
    public void Verify_IntactChain_IsNull()
    {
        Assert.Null(AuditChain.Verify(Chain()));
    }

    [Fact]
    public void Verify_EmptyChain_IsNull()
    {
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void Link_NumbersFromOne_AndStartsFromGenesis()
    {
        var chain = Chain();

        Assert.Equal([1L, 2L, 3L, 4L], chain.Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        Assert.Equal(new string('0', 64), AuditChain.Genesis);
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
    }

    public static TheoryData<string, int> Edits()
    {
        // Each field an edit could change, at the first, a middle and the last position: the
        // edited row itself is reported (its hash no longer matches its fields).
        var data = new TheoryData<string, int>();
        foreach (var field in Editors.Keys)
        {
            foreach (var position in new[] { 0, 1, 3 })
            {
                data.Add(field, position);
            }
        }
        return data;
    }

    private static readonly Dictionary<string, Action<AuditEvent>> Editors = new(StringComparer.Ordinal)
    {
        ["PersonId"] = e => e.PersonId = Guid.Parse("0193a000-0000-7000-8000-000000000009"),
        ["AtUtc"] = e => e.AtUtc = e.AtUtc.AddSeconds(1),
        ["ActorId"] = e => e.ActorId = Guid.Empty,
        ["ActorKind"] = e => e.ActorKind = "administrator",
        ["ActorName"] = e => e.ActorName = "Someone Else",
        ["Action"] = e => e.Action = AuditActions.Delete,
        ["Resource"] = e => e.Resource = "journal",
        ["Outcome"] = e => e.Outcome = e.Outcome == AuditOutcomes.Allowed ? AuditOutcomes.Denied : AuditOutcomes.Allowed,
        ["Hash"] = e => e.Hash = new string('a', 64),
        ["PreviousHash"] = e => e.PreviousHash = new string('b', 64),
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Verify_FieldEdited_ReportsTheEditedEntry(string field, int position)
    {
        var chain = Chain();
        Editors[field](chain[position]);

        Assert.Equal(position + 1, AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_EditedAndRehashed_ReportsTheNextEntry()
    {
        // why: someone who recomputes the edited row's own hash still breaks the next row's link.
        var chain = Chain();
        chain[1].Resource = "journal";
        chain[1].Hash = AuditChain.HashOf(chain[1]);

        Assert.Equal(3, AuditChain.Verify(chain));
    }

    [Theory]
    // why: a deleted middle row leaves a gap in the sequence at the row after it.
    [InlineData(1, 3)]
    // why: deleting the first row leaves a chain that does not start at 1.
    [InlineData(0, 2)]
    public void Verify_RowDeleted_ReportsTheEntryAfterTheGap(int deleted, long reported)
    {
        var chain = Chain();
        chain.RemoveAt(deleted);

        Assert.Equal(reported, AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_LastRowDeleted_CannotBeSeenFromTheChainAlone()
    {
        // why: a removed tail leaves a shorter, valid chain; documented so nobody assumes otherwise.
        var chain = Chain();
        chain.RemoveAt(chain.Count - 1);

        Assert.Null(AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_Reordered_ReportsTheFirstOutOfPlace()
    {
        var chain = Chain();
        (chain[1], chain[2]) = (chain[2], chain[1]);

        Assert.Equal(3, AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_DeletedAndRenumbered_ReportsTheRenumberedEntry()
    {
        // why: renumbering to hide a gap changes the renumbered row's hash and link.
        var chain = Chain();
        chain.RemoveAt(1);
        chain[1].Sequence = 2;

        Assert.Equal(2, AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_FirstRowsPreviousHashNotGenesis_ReportsEntryOne()
    {
        var chain = Chain();
        chain[0].PreviousHash = new string('1', 64);
        chain[0].Hash = AuditChain.HashOf(chain[0]);

        Assert.Equal(1, AuditChain.Verify(chain));
    }

    [Fact]
    public void HashOf_FieldBoundaries_AreKeptApart()
    {
        // why: without separators "ab"+"c" and "a"+"bc" would hash alike.
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        (a.ActorName, a.Action) = ("Robin Handsr", "ead");
        (b.ActorName, b.Action) = ("Robin Hands", "read");

        Assert.NotEqual(AuditChain.HashOf(a), AuditChain.HashOf(b));
    }
}
