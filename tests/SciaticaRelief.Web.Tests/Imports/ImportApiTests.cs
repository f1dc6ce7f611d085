using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;
using static SciaticaRelief.Web.Tests.Imports.ImportTestData;

namespace SciaticaRelief.Web.Tests.Imports;

public sealed class ImportApiTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_Preview_WritesNothing(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        var response = await api.PostAsync("/api/v1/imports?preview=true", Upload("crisiscore-full.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadAsync();
        Assert.Null(body["batchId"]);
        Assert.Equal("crisiscore-csv", (string)body["format"]!);
        Assert.Equal(4, (int)body["imported"]!);
        Assert.Equal(0, (int)body["duplicates"]!);
        var first = body["preview"]!["rows"]!.AsArray().Single(r => (string)r!["at"]! == "2025-10-01T08:15:00+01:00")!;
        Assert.Equal("Lower back; Hip (L); outer left leg", (string)first["original"]!);
        Assert.Equal("low back, left buttock, left thigh, left calf", (string)first["regions"]!);
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_ThenReImport_WritesOnceAndTheSecondAddsNothing(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        var first = await api.PostAsync("/api/v1/imports", Upload("crisiscore-minimal.csv"));
        var again = await api.PostAsync("/api/v1/imports", Upload("crisiscore-minimal.csv"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.ReadAsync();
        Assert.Equal(4, (int)body["imported"]!); // two check-ins, two medicines
        Assert.Equal(1, (int)body["skipped"]!);
        Assert.Equal("a medicine the over-the-counter list does not know, or with no amount in mg", (string)body["skipReasons"]![0]!["reason"]!);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var second = await again.ReadAsync();
        Assert.Equal(0, (int)second["imported"]!);
        Assert.Equal(4, (int)second["duplicates"]!);
        Assert.Equal((2, 2, 4, 2), await CountAsync(app, person.Id));
        var journal = await (await api.GetAsync("/api/v1/journal")).ReadAsync();
        Assert.Equal(2, (int)journal["total"]!);
        var report = await (await api.GetAsync(first.Headers.Location)).ReadAsync();
        Assert.Equal("done", (string)report["status"]!);
        Assert.Equal(4, (int)report["result"]!["imported"]!);
    }

    [Fact]
    public async Task Import_EveryFormatDetected_Written()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        foreach (var (file, format) in new[]
        {
            ("crisiscore-full.json", "crisiscore-json"), ("paindiary.zip", "pfpd-backup"), ("bearable-older.csv", "bearable-csv"),
            ("life-notes-save-202510261200.json", "lifenotes-json"),
        })
        {
            var response = await api.PostAsync("/api/v1/imports", Upload(file));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{file}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(format, (string)(await response.ReadAsync())["format"]!);
        }
    }

    [Fact]
    public async Task Import_GenericCsvWithMapping_Written()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        var unmapped = await api.PostAsync("/api/v1/imports", Upload("generic.csv"));
        var mapped = await api.PostAsync("/api/v1/imports?map.date=When&map.time=Clock&map.pain=Score&map.location=Where&map.notes=Comment", Upload("generic.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unmapped.StatusCode);
        Assert.Equal(HttpStatusCode.Created, mapped.StatusCode);
        Assert.Equal(3, (int)(await mapped.ReadAsync())["imported"]!);
    }

    [Theory]
    [InlineData("crisiscore-bad-values.csv", "row 2, column \"Pain Level\"", "\"7,5\" is not a whole number from 0 to 10.")]
    [InlineData("paindiary-encrypted.backup", "file, column \"encrypted\"", null)]
    [InlineData("zipbomb.zip", "org.secuso.privacyfriendlypaindiary.backup", null)]
    [InlineData("crisiscore-truncated.csv", "row 3", null)]
    public async Task Import_BadFile_422NamingThePlaceAndNothingSaved(string file, string place, string? message)
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);

        var response = await api.PostAsync("/api/v1/imports", Upload(file));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.ReadAsync())["errors"]!;
        Assert.True(errors[place] is not null, await response.Content.ReadAsStringAsync());
        if (message is not null)
        {
            Assert.Equal(message, (string)errors[place]![0]!);
        }
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));
    }

    [Fact]
    public async Task Import_UnknownFormatOrZone_422()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync("/api/v1/imports?format=manage-my-pain", Upload("generic.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync("/api/v1/imports?timeZone=Mars/Olympus", Upload("crisiscore-full.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsync("/api/v1/imports", Upload([0x00, 0x01, 0x02], "photo.jpg"))).StatusCode);
    }

    [Fact]
    public async Task Import_100MegabyteUpload_413AndNothingSaved()
    {
        await using var app = TestApp.Create();
        var person = await app.CreatePersonAsync();
        using var api = await app.ApiClientAsync(person);
        using var content = new MultipartFormDataContent();
        content.Add(new StreamContent(new ZeroStream(100L * 1024 * 1024)), "file", "huge.csv");

        var response = await api.PostAsync("/api/v1/imports", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0, 0, 0, 0), await CountAsync(app, person.Id));
    }

    [Fact]
    public async Task Import_JustOverTheBoundWithoutContentLength_413()
    {
        await using var app = TestApp.Create();
        using var api = await app.ApiClientAsync(await app.CreatePersonAsync());
        using var content = new MultipartFormDataContent();
        content.Add(new StreamContent(new ZeroStream(Core.Interop.Imports.ImportLimits.MaxBytes + 1, seekable: false)), "file", "huge.csv");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task GetImport_AnotherPersonsBatch_404()
    {
        await using var app = TestApp.Create();
        using var owner = await app.ApiClientAsync(await app.CreatePersonAsync());
        using var other = await app.ApiClientAsync(await app.CreatePersonAsync());
        var created = await owner.PostAsync("/api/v1/imports", Upload("crisiscore-full.csv"));

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(created.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(created.Headers.Location)).StatusCode);
    }

    /// <summary>A stream of zeros of a given length, generated as it is read.</summary>
    private sealed class ZeroStream(long length, bool seekable = true) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? length : throw new NotSupportedException();
        public override long Position { get => _position; set => _position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => _position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
