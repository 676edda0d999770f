using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkOrders.Maintenance.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "WorkOrders",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "WorkOrders",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredEngineerId",
                table: "WorkOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScheduledStartAt",
                table: "WorkOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CurrentLatitude",
                table: "Engineers",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CurrentLongitude",
                table: "Engineers",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LocationReportedAt",
                table: "Engineers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Engineers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssetTypeRequirements",
                columns: table => new
                {
                    AssetType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MinSkillLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredCertification = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetTypeRequirements", x => x.AssetType);
                });

            migrationBuilder.CreateTable(
                name: "CategoryDispatchSettings",
                columns: table => new
                {
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequiredCertification = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryDispatchSettings", x => x.Category);
                });

            migrationBuilder.CreateTable(
                name: "DispatchSites",
                columns: table => new
                {
                    Site = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchSites", x => x.Site);
                });

            migrationBuilder.CreateTable(
                name: "EngineerCertifications",
                columns: table => new
                {
                    EngineerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineerCertifications", x => new { x.EngineerId, x.Code });
                    table.ForeignKey(
                        name: "FK_EngineerCertifications_Engineers_EngineerId",
                        column: x => x.EngineerId,
                        principalTable: "Engineers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngineerShifts",
                columns: table => new
                {
                    EngineerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    StartMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    EndMinute = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineerShifts", x => new { x.EngineerId, x.Day, x.StartMinute });
                    table.CheckConstraint("CK_EngineerShifts_Minutes", "\"StartMinute\" >= 0 AND \"EndMinute\" <= 1440 AND \"StartMinute\" < \"EndMinute\"");
                    table.ForeignKey(
                        name: "FK_EngineerShifts_Engineers_EngineerId",
                        column: x => x.EngineerId,
                        principalTable: "Engineers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetTypeRequirements");

            migrationBuilder.DropTable(
                name: "CategoryDispatchSettings");

            migrationBuilder.DropTable(
                name: "DispatchSites");

            migrationBuilder.DropTable(
                name: "EngineerCertifications");

            migrationBuilder.DropTable(
                name: "EngineerShifts");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "PreferredEngineerId",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ScheduledStartAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "CurrentLatitude",
                table: "Engineers");

            migrationBuilder.DropColumn(
                name: "CurrentLongitude",
                table: "Engineers");

            migrationBuilder.DropColumn(
                name: "LocationReportedAt",
                table: "Engineers");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Engineers");
        }
    }
}
