"""The public card service: what a worker reaches by scanning the helmet card's QR.

A separate process, deployable on its own machine in front of the county's network.
It holds only what cards print (names masked 刘*卫, ID numbers masked as printed),
fed by the channel server over an authenticated link (``sync.cardlink``), and hands
complaints (欠薪线索) back over the same link, storing and forwarding them while the
channel is unreachable. It imports ``broker_app.domain`` and ``sync`` only: never Qt,
the station's store or the channel server's database.
"""
