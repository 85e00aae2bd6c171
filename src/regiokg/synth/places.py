"""The real places a synthetic ecosystem is set in: EU countries, their NUTS-2 regions (NUTS
2016 codes) and the main cities of each region with WGS84 coordinates.

The table is small and fixed, so the generator needs no download: about 170 regions of twenty
countries, one to three cities each (the regional capital first). Coordinates are rounded to
four decimals (about ten metres), which is all a map of regions needs.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COUNTRIES", "REGIONS", "City", "Country", "Region"]


@dataclass(frozen=True)
class Country:
    """An EU member state: ISO 3166 code, English name and Wikidata item."""

    code: str
    name: str
    wikidata: str


@dataclass(frozen=True)
class City:
    """A city: its name as spelt locally and its latitude and longitude in degrees."""

    name: str
    lat: float
    long: float


@dataclass(frozen=True)
class Region:
    """A NUTS-2 region: its code (which begins with the country code), name and cities."""

    nuts: str
    name: str
    cities: tuple[City, ...]

    @property
    def country(self) -> str:
        return self.nuts[:2]


COUNTRIES = {
    c.code: c
    for c in (
        Country("PL", "Poland", "Q36"),
        Country("DE", "Germany", "Q183"),
        Country("FR", "France", "Q142"),
        Country("BE", "Belgium", "Q31"),
        Country("NL", "Netherlands", "Q55"),
        Country("CZ", "Czechia", "Q213"),
        Country("AT", "Austria", "Q40"),
        Country("SK", "Slovakia", "Q214"),
        Country("HU", "Hungary", "Q28"),
        Country("ES", "Spain", "Q29"),
        Country("IT", "Italy", "Q38"),
        Country("PT", "Portugal", "Q45"),
        Country("SE", "Sweden", "Q34"),
        Country("DK", "Denmark", "Q35"),
        Country("FI", "Finland", "Q33"),
        Country("LT", "Lithuania", "Q37"),
        Country("LV", "Latvia", "Q211"),
        Country("EE", "Estonia", "Q191"),
        Country("SI", "Slovenia", "Q215"),
        Country("RO", "Romania", "Q218"),
    )
}

# nuts code, region name; then (city, latitude, longitude) for each city.
_TABLE = """
PL21|Małopolskie|Kraków,50.0647,19.9450|Tarnów,50.0121,20.9858
PL22|Śląskie|Katowice,50.2649,19.0238|Gliwice,50.2945,18.6714|Częstochowa,50.8118,19.1203
PL41|Wielkopolskie|Poznań,52.4064,16.9252|Kalisz,51.7611,18.0910
PL42|Zachodniopomorskie|Szczecin,53.4285,14.5528
PL43|Lubuskie|Zielona Góra,51.9356,15.5062|Gorzów Wielkopolski,52.7368,15.2288
PL51|Dolnośląskie|Wrocław,51.1079,17.0385|Wałbrzych,50.7714,16.2843
PL52|Opolskie|Opole,50.6751,17.9213
PL61|Kujawsko-pomorskie|Bydgoszcz,53.1235,18.0084|Toruń,53.0138,18.5984
PL62|Warmińsko-mazurskie|Olsztyn,53.7784,20.4801
PL63|Pomorskie|Gdańsk,54.3520,18.6466|Gdynia,54.5189,18.5305
PL71|Łódzkie|Łódź,51.7592,19.4560
PL72|Świętokrzyskie|Kielce,50.8661,20.6286
PL81|Lubelskie|Lublin,51.2465,22.5684
PL82|Podkarpackie|Rzeszów,50.0412,21.9991
PL84|Podlaskie|Białystok,53.1325,23.1688
PL91|Warszawski stołeczny|Warszawa,52.2297,21.0122
PL92|Mazowiecki regionalny|Płock,52.5463,19.7065|Radom,51.4027,21.1471
DE11|Stuttgart|Stuttgart,48.7758,9.1829
DE12|Karlsruhe|Karlsruhe,49.0069,8.4037|Mannheim,49.4875,8.4660
DE13|Freiburg|Freiburg im Breisgau,47.9990,7.8421
DE14|Tübingen|Tübingen,48.5216,9.0576
DE21|Oberbayern|München,48.1351,11.5820
DE22|Niederbayern|Landshut,48.5442,12.1469
DE23|Oberpfalz|Regensburg,49.0134,12.1016
DE24|Oberfranken|Bayreuth,49.9456,11.5713
DE25|Mittelfranken|Nürnberg,49.4521,11.0767
DE26|Unterfranken|Würzburg,49.7913,9.9534
DE27|Schwaben|Augsburg,48.3705,10.8978
DE30|Berlin|Berlin,52.5200,13.4050
DE40|Brandenburg|Potsdam,52.3906,13.0645
DE50|Bremen|Bremen,53.0793,8.8017
DE60|Hamburg|Hamburg,53.5511,9.9937
DE71|Darmstadt|Frankfurt am Main,50.1109,8.6821|Darmstadt,49.8728,8.6512
DE72|Gießen|Gießen,50.5841,8.6784
DE73|Kassel|Kassel,51.3127,9.4797
DE80|Mecklenburg-Vorpommern|Rostock,54.0924,12.0991
DE91|Braunschweig|Braunschweig,52.2689,10.5268
DE92|Hannover|Hannover,52.3759,9.7320
DE93|Lüneburg|Lüneburg,53.2464,10.4115
DE94|Weser-Ems|Oldenburg,53.1435,8.2146
DEA1|Düsseldorf|Düsseldorf,51.2277,6.7735|Essen,51.4556,7.0116
DEA2|Köln|Köln,50.9375,6.9603|Aachen,50.7753,6.0839
DEA3|Münster|Münster,51.9607,7.6261
DEA4|Detmold|Bielefeld,52.0302,8.5325
DEA5|Arnsberg|Dortmund,51.5136,7.4653
DEB1|Koblenz|Koblenz,50.3569,7.5890
DEB2|Trier|Trier,49.7490,6.6371
DEB3|Rheinhessen-Pfalz|Mainz,49.9929,8.2473
DEC0|Saarland|Saarbrücken,49.2402,6.9969
DED2|Dresden|Dresden,51.0504,13.7373
DED4|Chemnitz|Chemnitz,50.8278,12.9214
DED5|Leipzig|Leipzig,51.3397,12.3731
DEE0|Sachsen-Anhalt|Magdeburg,52.1205,11.6276
DEF0|Schleswig-Holstein|Kiel,54.3233,10.1228
DEG0|Thüringen|Erfurt,50.9848,11.0299|Jena,50.9271,11.5892
FR10|Île-de-France|Paris,48.8566,2.3522
FRB0|Centre-Val de Loire|Orléans,47.9030,1.9093
FRC1|Bourgogne|Dijon,47.3220,5.0415
FRC2|Franche-Comté|Besançon,47.2378,6.0241
FRD1|Basse-Normandie|Caen,49.1829,-0.3707
FRD2|Haute-Normandie|Rouen,49.4432,1.0999
FRE1|Nord-Pas de Calais|Lille,50.6292,3.0573
FRE2|Picardie|Amiens,49.8941,2.2958
FRF1|Alsace|Strasbourg,48.5734,7.7521
FRF2|Champagne-Ardenne|Reims,49.2583,4.0317
FRF3|Lorraine|Nancy,48.6921,6.1844|Metz,49.1193,6.1757
FRG0|Pays de la Loire|Nantes,47.2184,-1.5536
FRH0|Bretagne|Rennes,48.1173,-1.6778
FRI1|Aquitaine|Bordeaux,44.8378,-0.5792
FRI2|Limousin|Limoges,45.8336,1.2611
FRI3|Poitou-Charentes|Poitiers,46.5802,0.3404
FRJ1|Languedoc-Roussillon|Montpellier,43.6108,3.8767
FRJ2|Midi-Pyrénées|Toulouse,43.6047,1.4442
FRK1|Auvergne|Clermont-Ferrand,45.7772,3.0870
FRK2|Rhône-Alpes|Lyon,45.7640,4.8357|Saint-Étienne,45.4397,4.3872|Grenoble,45.1885,5.7245
FRL0|Provence-Alpes-Côte d'Azur|Marseille,43.2965,5.3698|Nice,43.7102,7.2620
FRM0|Corse|Ajaccio,41.9192,8.7386
BE10|Région de Bruxelles-Capitale|Bruxelles,50.8503,4.3517
BE21|Prov. Antwerpen|Antwerpen,51.2194,4.4025
BE22|Prov. Limburg|Hasselt,50.9307,5.3325
BE23|Prov. Oost-Vlaanderen|Gent,51.0543,3.7174
BE24|Prov. Vlaams-Brabant|Leuven,50.8798,4.7005
BE25|Prov. West-Vlaanderen|Brugge,51.2093,3.2247
BE31|Prov. Brabant wallon|Wavre,50.7170,4.6014
BE32|Prov. Hainaut|Charleroi,50.4108,4.4446|Mons,50.4542,3.9567
BE33|Prov. Liège|Liège,50.6326,5.5797
BE34|Prov. Luxembourg|Arlon,49.6833,5.8167
BE35|Prov. Namur|Namur,50.4674,4.8720
NL11|Groningen|Groningen,53.2194,6.5665
NL12|Friesland|Leeuwarden,53.2012,5.7999
NL13|Drenthe|Assen,52.9925,6.5649
NL21|Overijssel|Enschede,52.2215,6.8937
NL22|Gelderland|Arnhem,51.9851,5.8987|Nijmegen,51.8126,5.8372
NL23|Flevoland|Almere,52.3508,5.2647
NL31|Utrecht|Utrecht,52.0907,5.1214
NL32|Noord-Holland|Amsterdam,52.3676,4.9041
NL33|Zuid-Holland|Rotterdam,51.9244,4.4777|Den Haag,52.0705,4.3007|Delft,52.0116,4.3571
NL34|Zeeland|Middelburg,51.4988,3.6136
NL41|Noord-Brabant|Eindhoven,51.4416,5.4697
NL42|Limburg|Maastricht,50.8514,5.6910
CZ01|Praha|Praha,50.0755,14.4378
CZ02|Střední Čechy|Kladno,50.1473,14.1029
CZ03|Jihozápad|Plzeň,49.7384,13.3736
CZ04|Severozápad|Ústí nad Labem,50.6607,14.0323
CZ05|Severovýchod|Liberec,50.7663,15.0543|Hradec Králové,50.2092,15.8328
CZ06|Jihovýchod|Brno,49.1951,16.6068
CZ07|Střední Morava|Olomouc,49.5938,17.2509
CZ08|Moravskoslezsko|Ostrava,49.8209,18.2625
AT11|Burgenland|Eisenstadt,47.8456,16.5233
AT12|Niederösterreich|Sankt Pölten,48.2047,15.6256
AT13|Wien|Wien,48.2082,16.3738
AT21|Kärnten|Klagenfurt,46.6249,14.3050
AT22|Steiermark|Graz,47.0707,15.4395
AT31|Oberösterreich|Linz,48.3069,14.2858
AT32|Salzburg|Salzburg,47.8095,13.0550
AT33|Tirol|Innsbruck,47.2692,11.4041
AT34|Vorarlberg|Bregenz,47.5031,9.7471
SK01|Bratislavský kraj|Bratislava,48.1486,17.1077
SK02|Západné Slovensko|Nitra,48.3069,18.0865
SK03|Stredné Slovensko|Žilina,49.2231,18.7394
SK04|Východné Slovensko|Košice,48.7164,21.2611
HU11|Budapest|Budapest,47.4979,19.0402
HU12|Pest|Gödöllő,47.5966,19.3552
HU21|Közép-Dunántúl|Székesfehérvár,47.1860,18.4221
HU22|Nyugat-Dunántúl|Győr,47.6875,17.6504
HU23|Dél-Dunántúl|Pécs,46.0727,18.2323
HU31|Észak-Magyarország|Miskolc,48.1035,20.7784
HU32|Észak-Alföld|Debrecen,47.5316,21.6273
HU33|Dél-Alföld|Szeged,46.2530,20.1414
ES11|Galicia|Santiago de Compostela,42.8782,-8.5448|Vigo,42.2406,-8.7207
ES12|Principado de Asturias|Oviedo,43.3614,-5.8494
ES13|Cantabria|Santander,43.4623,-3.8099
ES21|País Vasco|Bilbao,43.2630,-2.9350|Donostia-San Sebastián,43.3183,-1.9812
ES22|Comunidad Foral de Navarra|Pamplona,42.8125,-1.6458
ES23|La Rioja|Logroño,42.4627,-2.4450
ES24|Aragón|Zaragoza,41.6488,-0.8891
ES30|Comunidad de Madrid|Madrid,40.4168,-3.7038
ES41|Castilla y León|Valladolid,41.6523,-4.7245
ES42|Castilla-La Mancha|Toledo,39.8628,-4.0273
ES43|Extremadura|Mérida,38.9161,-6.3437
ES51|Cataluña|Barcelona,41.3874,2.1686
ES52|Comunitat Valenciana|València,39.4699,-0.3763
ES53|Illes Balears|Palma,39.5696,2.6502
ES61|Andalucía|Sevilla,37.3891,-5.9845|Málaga,36.7213,-4.4214
ES62|Región de Murcia|Murcia,37.9922,-1.1307
ITC1|Piemonte|Torino,45.0703,7.6869
ITC3|Liguria|Genova,44.4056,8.9463
ITC4|Lombardia|Milano,45.4642,9.1900
ITH1|Provincia Autonoma di Bolzano|Bolzano,46.4983,11.3548
ITH2|Provincia Autonoma di Trento|Trento,46.0748,11.1217
ITH3|Veneto|Venezia,45.4408,12.3155|Padova,45.4064,11.8768
ITH4|Friuli-Venezia Giulia|Trieste,45.6495,13.7768
ITH5|Emilia-Romagna|Bologna,44.4949,11.3426
ITI1|Toscana|Firenze,43.7696,11.2558
ITI2|Umbria|Perugia,43.1107,12.3908
ITI3|Marche|Ancona,43.6158,13.5189
ITI4|Lazio|Roma,41.9028,12.4964
ITF1|Abruzzo|L'Aquila,42.3498,13.3995
ITF3|Campania|Napoli,40.8518,14.2681
ITF4|Puglia|Bari,41.1171,16.8719
ITG1|Sicilia|Palermo,38.1157,13.3615
ITG2|Sardegna|Cagliari,39.2238,9.1217
PT11|Norte|Porto,41.1579,-8.6291
PT16|Centro|Coimbra,40.2033,-8.4103
PT17|Área Metropolitana de Lisboa|Lisboa,38.7223,-9.1393
SE11|Stockholm|Stockholm,59.3293,18.0686
SE22|Sydsverige|Malmö,55.6050,13.0038
SE23|Västsverige|Göteborg,57.7089,11.9746
DK01|Hovedstaden|København,55.6761,12.5683
DK04|Midtjylland|Aarhus,56.1629,10.2039
FI1B|Helsinki-Uusimaa|Helsinki,60.1699,24.9384
LT01|Sostinės regionas|Vilnius,54.6872,25.2797
LV00|Latvija|Rīga,56.9496,24.1052
EE00|Eesti|Tallinn,59.4370,24.7536
SI04|Zahodna Slovenija|Ljubljana,46.0569,14.5058
RO11|Nord-Vest|Cluj-Napoca,46.7712,23.6236
RO32|București-Ilfov|București,44.4268,26.1025
"""


def _regions() -> tuple[Region, ...]:
    regions = []
    for line in _TABLE.strip().splitlines():
        nuts, name, *cities = line.split("|")
        parsed = []
        for city in cities:
            city_name, lat, long = city.rsplit(",", 2)
            parsed.append(City(city_name, float(lat), float(long)))
        regions.append(Region(nuts, name, tuple(parsed)))
    return tuple(regions)


#: Every NUTS-2 region of the table, in table order (grouped by country).
REGIONS = _regions()
