using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaRelief.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Treatments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarSeedApplications",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Ear = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AppliedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemoveByUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RemovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarSeedApplications", x => new { x.PersonId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstrumentVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuthoredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Answers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Score = table.Column<decimal>(type: "numeric", nullable: true),
                    Subscores = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Band = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireResponses", x => new { x.PersonId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireSchedules",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireSchedules", x => new { x.PersonId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "Treatments",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ModalityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    PainBefore = table.Column<int>(type: "integer", nullable: true),
                    PainAfter = table.Column<int>(type: "integer", nullable: true),
                    Therapist = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Pressure = table.Column<int>(type: "integer", nullable: true),
                    Intensity = table.Column<int>(type: "integer", nullable: true),
                    BodyAreas = table.Column<int>(type: "integer", nullable: false),
                    Bruising = table.Column<int>(type: "integer", nullable: false),
                    BruiseAreas = table.Column<int>(type: "integer", nullable: false),
                    Soreness = table.Column<int>(type: "integer", nullable: true),
                    Signs = table.Column<int>(type: "integer", nullable: false),
                    Doses = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Points = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EarSeedApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Treatments", x => new { x.PersonId, x.Id });
                    table.ForeignKey(
                        name: "FK_Treatments_EarSeedApplications_PersonId_EarSeedApplicationId",
                        columns: x => new { x.PersonId, x.EarSeedApplicationId },
                        principalTable: "EarSeedApplications",
                        principalColumns: new[] { "PersonId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentFollowUps",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TreatmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HoursAfter = table.Column<int>(type: "integer", nullable: false),
                    Pain = table.Column<int>(type: "integer", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentFollowUps", x => new { x.PersonId, x.Id });
                    table.ForeignKey(
                        name: "FK_TreatmentFollowUps_Treatments_PersonId_TreatmentId",
                        columns: x => new { x.PersonId, x.TreatmentId },
                        principalTable: "Treatments",
                        principalColumns: new[] { "PersonId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarSeedApplications_PersonId_AppliedAtUtc",
                table: "EarSeedApplications",
                columns: new[] { "PersonId", "AppliedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_PersonId_InstrumentId_AuthoredAtUtc",
                table: "QuestionnaireResponses",
                columns: new[] { "PersonId", "InstrumentId", "AuthoredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireSchedules_PersonId_InstrumentId",
                table: "QuestionnaireSchedules",
                columns: new[] { "PersonId", "InstrumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentFollowUps_PersonId_TreatmentId_HoursAfter",
                table: "TreatmentFollowUps",
                columns: new[] { "PersonId", "TreatmentId", "HoursAfter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_PersonId_EarSeedApplicationId",
                table: "Treatments",
                columns: new[] { "PersonId", "EarSeedApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_PersonId_ModalityId_StartedAtUtc",
                table: "Treatments",
                columns: new[] { "PersonId", "ModalityId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_PersonId_StartedAtUtc",
                table: "Treatments",
                columns: new[] { "PersonId", "StartedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuestionnaireResponses");

            migrationBuilder.DropTable(
                name: "QuestionnaireSchedules");

            migrationBuilder.DropTable(
                name: "TreatmentFollowUps");

            migrationBuilder.DropTable(
                name: "Treatments");

            migrationBuilder.DropTable(
                name: "EarSeedApplications");
        }
    }
}
