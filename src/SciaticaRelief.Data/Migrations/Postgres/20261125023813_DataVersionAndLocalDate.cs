using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SciaticaRelief.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataVersionAndLocalDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DataVersion",
                table: "Profiles",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LocalDate",
                table: "CheckIns",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PersonId_LocalDate_PainNow_Radiation",
                table: "CheckIns",
                columns: new[] { "PersonId", "LocalDate", "PainNow", "Radiation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CheckIns_PersonId_LocalDate_PainNow_Radiation",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "DataVersion",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "LocalDate",
                table: "CheckIns");
        }
    }
}
